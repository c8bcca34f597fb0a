using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sessions.Web.Tests.Features.Chat;
using Sessions.Web.Tests.Features.Ratings;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Security.Matrix;

namespace Sessions.Web.Tests.Security.Dialect;

/// <summary>
/// The API speaks one JSON dialect: camelCase members, no <c>{ success, data, timestamp }</c> envelope, and every collection a
/// page <c>{ items, page, pageSize, totalItems, totalPages }</c>, or, for a feed read newest first while it grows (the chat's
/// history), a cursor page <c>{ items, nextBefore }</c>: numbered pages would shift under new messages. Each API endpoint of the authorization matrix is called as a
/// role that succeeds and its answer walked; the matrix fails on an endpoint without a row, so a new one is checked here too.
/// The two fixed contracts keep their own shape instead (<see cref="FixedContractTests"/>).
/// </summary>
public sealed partial class ApiDialectTests(MatrixApp matrix) : IClassFixture<MatrixApp>
{
    private static readonly string[] Envelope = ["success", "data", "timestamp"];
    private static readonly string[] PageMembers = ["items", "page", "pageSize", "totalItems", "totalPages"];
    private static readonly string[] CursorPageMembers = ["items", "nextBefore"];

    /// <summary>A cursor page read forwards (oldest first: the activity log).</summary>
    private static readonly string[] ForwardCursorPageMembers = ["items", "nextAfter"];

    private static readonly Dictionary<string, IReadOnlyList<string>> FixedContracts = new()
    {
        ["POST /sessions/start"] = FixedContractTests.MobileStart,
        ["POST /api/sessions/{id}/start"] = FixedContractTests.Seed001Start,
    };

    /// <summary>Endpoints whose matrix probe is refused for everyone on purpose, and the request that succeeds instead.</summary>
    private static readonly Dictionary<string, Func<MatrixApp, Task<HttpResponseMessage>>> SuccessProbes = new()
    {
        ["POST /api/auth/login"] = async app =>
        {
            using var client = app.App.CreateClient();
            return await client.PostAsJsonAsync("/api/auth/login", new { email = app.Person(MatrixRole.Admin).Email, password = TestData.Password });
        },
        ["POST /api/auth/refresh"] = async app =>
        {
            var signedIn = await app.App.Data.SignInAsync(app.Person(MatrixRole.Admin));
            using var client = app.App.CreateClient();
            return await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = signedIn.RefreshToken });
        },
        ["DELETE /api/sessions/{id}/messages/{messageId:long}"] = async app =>
        {
            var (client, sessionId) = await ChatAsync(app);
            using var _ = client;
            var sent = await client.SentAsync(sessionId, "Probe");
            return await client.DeleteAsync($"/api/sessions/{sessionId}/messages/{sent.GetProperty("id").GetInt64()}");
        },
        ["GET /api/sessions/{id}/attachments/{attachmentId:guid}"] = async app =>
        {
            var (client, sessionId) = await ChatAsync(app);
            using var _ = client;
            return await client.GetAsync((await client.UploadedAsync(sessionId, ChatFiles.Pdf(), "probe.pdf", "application/pdf")).GetProperty("url").GetString());
        },
        ["GET /api/sessions/{id}/attachments/{attachmentId:guid}/thumbnail"] = async app =>
        {
            var (client, sessionId) = await ChatAsync(app);
            using var _ = client;
            return await client.GetAsync((await client.UploadedAsync(sessionId, ChatFiles.Png(8, 8), "probe.png", "image/png")).GetProperty("thumbnailUrl").GetString());
        },
        ["POST /api/sessions/{id}/ratings"] = async app =>
        {
            var scene = await RatingScene.CompletedAsync(app.App);
            return await scene.RateAsync(app.App, scene.Attendees[0], RatingScene.Body());
        },
        ["GET /api/sessions/{id}/ratings/mine"] = async app =>
        {
            var (scene, _) = await RatedAsync(app);
            using var student = await app.App.Data.ClientForAsync(scene.Attendees[0]);
            return await student.GetAsync($"{scene.RatingsUrl}/mine");
        },
        ["POST /api/ratings/{id}/approve"] = async app =>
        {
            var (_, ratingId) = await RatedAsync(app);
            using var admin = await app.App.Data.ClientForAsync(app.Person(MatrixRole.Admin));
            return await admin.PostAsync($"/api/ratings/{ratingId}/approve", null);
        },
        ["POST /api/ratings/{id}/reject"] = async app =>
        {
            var (_, ratingId) = await RatedAsync(app);
            using var admin = await app.App.Data.ClientForAsync(app.Person(MatrixRole.Admin));
            return await admin.PostAsJsonAsync($"/api/ratings/{ratingId}/reject", new { reason = "Probe" });
        },
    };

    /// <summary>A completed session of a fresh class, rated by its attendee: the rating waits for review.</summary>
    private static async Task<(RatingScene Scene, Guid RatingId)> RatedAsync(MatrixApp app)
    {
        var scene = await RatingScene.CompletedAsync(app.App);
        using var rated = await scene.RateAsync(app.App, scene.Attendees[0], RatingScene.Body());
        return (scene, (await rated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    /// <summary>A live session of a fresh scene and its owner's API client, to put a message or a file in.</summary>
    private static async Task<(HttpClient Client, Guid SessionId)> ChatAsync(MatrixApp app)
    {
        var scene = await app.ArrangeAsync(SessionNeed.Live);
        return (await app.App.Data.ClientForAsync(app.Person(MatrixRole.OwningEducator)), scene.SessionId);
    }

    public static TheoryData<string> ApiEndpoints() =>
        [.. AuthorizationMatrix.Rows.Where(r => !r.Probe.Portal && IsApi(r.Endpoint)).Select(r => r.Endpoint)];

    [Theory]
    [MemberData(nameof(ApiEndpoints))]
    public async Task Each_api_endpoint_answers_in_the_one_dialect(string endpoint)
    {
        using var response = await SucceedAsync(AuthorizationMatrix.Rows.Single(r => r.Endpoint == endpoint));
        Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return; // 204, or a CSV download: no JSON to speak a dialect.
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var paths = JsonMembers.PathsOf(root);
        if (FixedContracts.TryGetValue(endpoint, out var pinned))
        {
            Assert.Equal(pinned, paths);
            return;
        }

        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.All(paths, path => Assert.Matches(CamelCase(), path.Split('.')[^1]));
        var rootMembers = root.EnumerateObject().Select(m => m.Name).ToList();
        Assert.Empty(rootMembers.Intersect(Envelope));
        if (rootMembers.Contains("items"))
        {
            Assert.True(rootMembers.SequenceEqual(PageMembers) || rootMembers.SequenceEqual(CursorPageMembers)
                    || rootMembers.SequenceEqual(ForwardCursorPageMembers),
                $"{endpoint}: a collection must be a page ({string.Join(", ", PageMembers)}) or a cursor page ({string.Join(", ", CursorPageMembers)}, "
                + $"or {string.Join(", ", ForwardCursorPageMembers)}), not {string.Join(", ", rootMembers)}");
            Assert.Equal(JsonValueKind.Array, root.GetProperty("items").ValueKind);
        }
    }

    private static bool IsApi(string endpoint) => endpoint.Contains(" /api/", StringComparison.Ordinal) || endpoint == "POST /sessions/start";

    private async Task<HttpResponseMessage> SucceedAsync(MatrixRow row)
    {
        if (SuccessProbes.TryGetValue(row.Endpoint, out var probe))
        {
            return await probe(matrix);
        }
        var role = row.Expected.FirstOrDefault(e => e.Value.StartsWith('2')).Key;
        Assert.True(row.Expected[role].StartsWith('2'),
            $"{row.Endpoint} succeeds for no role in the matrix: give it a request that does in {nameof(SuccessProbes)}.");
        return await matrix.ProbeAsync(row, role);
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
