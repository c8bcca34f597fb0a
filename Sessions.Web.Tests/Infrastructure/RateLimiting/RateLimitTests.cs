using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Sessions.Web.Features.Live;
using Sessions.Web.Tests.Features.Chat;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Infrastructure.RateLimiting;

/// <summary>
/// The endpoints worth abusing answer 429 <c>rate_limited</c> with <c>Retry-After</c> beyond their limit, counted per
/// user: one caller's flood does not slow anyone else. Limits are set low here; their defaults are in the README.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly SessionsAppFactory _app = new(TestDatabase.Create(), new Dictionary<string, string?>
    {
        ["RateLimits:TokenRenewalsPerMinute"] = "2",
        ["RateLimits:RoomEntriesPerMinute"] = "3",
        ["RateLimits:SessionCreationsPerMinute"] = "2",
        ["RateLimits:HubConnectionsPerUser"] = "2",
        ["RateLimits:ChatUploadsPerMinute"] = "2",
    }, ownsDatabase: true);

    public Task InitializeAsync() => _app.InitializeAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task Token_renewals_beyond_the_limit_are_refused_for_that_user_only()
    {
        var (sessionId, student, classmate) = await LiveSessionWithTwoStudentsAsync();
        using var flooder = await _app.Data.ClientForAsync(student);
        using var other = await _app.Data.ClientForAsync(classmate);

        var answers = new List<HttpResponseMessage>();
        for (var renewal = 1; renewal <= 3; renewal++)
        {
            answers.Add(await flooder.PostAsync($"/api/sessions/{sessionId}/token", null));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], answers.Take(2).Select(a => a.StatusCode));
        await ShouldBeRateLimitedAsync(answers[2]);
        await (await other.PostAsync($"/api/sessions/{sessionId}/token", null)).ShouldBeOkAsync();
    }

    [Fact]
    public async Task Joins_and_leaves_share_one_limit()
    {
        var (sessionId, student, _) = await LiveSessionWithTwoStudentsAsync();
        using var client = await _app.Data.ClientForAsync(student);

        await (await client.PostAsync($"/api/sessions/{sessionId}/join", null)).ShouldBeOkAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/sessions/{sessionId}/leave", null)).StatusCode);
        await (await client.PostAsync($"/api/sessions/{sessionId}/join", null)).ShouldBeOkAsync();

        await ShouldBeRateLimitedAsync(await client.PostAsync($"/api/sessions/{sessionId}/leave", null));
    }

    [Fact]
    public async Task Chat_uploads_beyond_the_limit_are_refused_before_the_file_is_read()
    {
        var (sessionId, student, _) = await LiveSessionWithTwoStudentsAsync();
        using var client = await _app.Data.ClientForAsync(student);

        var answers = new List<HttpResponseMessage>();
        for (var upload = 1; upload <= 3; upload++)
        {
            answers.Add(await client.UploadAsync(sessionId, ChatFiles.Pdf(), $"notes-{upload}.pdf", "application/pdf"));
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], answers.Take(2).Select(a => a.StatusCode));
        await ShouldBeRateLimitedAsync(answers[2]);
        await using var db = await _app.Data.DbAsync();
        Assert.Equal(2, db.ChatAttachments.Count(a => a.SessionId == sessionId));
    }

    [Fact]
    public async Task Booking_sessions_beyond_the_limit_is_refused()
    {
        var educator = await _app.Data.EducatorAsync();
        var schoolClass = await _app.Data.ClassAsync(educator, await _app.Data.StudentAsync());
        using var client = await _app.Data.ClientForAsync(educator);
        var start = TestData.Iso(_app.Time.GetUtcNow().AddDays(1));

        var answers = new List<HttpResponseMessage>();
        for (var booking = 1; booking <= 3; booking++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/sessions",
                new { classId = schoolClass.Id, title = $"Lesson {booking}", type = "scheduled", scheduledStartTime = start, durationMinutes = 30 }));
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], answers.Take(2).Select(a => a.StatusCode));
        await ShouldBeRateLimitedAsync(answers[2]);
        await using var db = await _app.Data.DbAsync();
        Assert.Equal(2, db.Sessions.Count(s => s.ClassId == schoolClass.Id));
    }

    [Fact]
    public async Task A_user_keeps_at_most_the_limit_of_hub_connections_open_at_once()
    {
        var student = await _app.Data.StudentAsync();
        var token = await _app.Data.TokenForAsync(student);
        await using var first = await LiveListener.ConnectAsync(_app, token);
        var second = await LiveListener.ConnectAsync(_app, token);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => LiveListener.ConnectAsync(_app, token));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        await second.DisposeAsync();
        // The server frees the closed connection's place when its request ends, a moment after the client let go.
        await using var third = await Eventually.MatchesAsync(() => TryConnectAsync(token), listener => listener is not null,
            "a place freed by the closed connection");
    }

    private async Task<LiveListener?> TryConnectAsync(string token)
    {
        try
        {
            return await LiveListener.ConnectAsync(_app, token);
        }
        catch (HttpRequestException refused) when (refused.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return null;
        }
    }

    private static async Task ShouldBeRateLimitedAsync(HttpResponseMessage response)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "a refusal says when to try again");
        Assert.Equal((int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, problem.GetProperty("retryAfterSeconds").GetInt32());
    }

    private async Task<(Guid SessionId, Web.Features.Accounts.AppUser Student, Web.Features.Accounts.AppUser Classmate)> LiveSessionWithTwoStudentsAsync()
    {
        var educator = await _app.Data.EducatorAsync();
        var student = await _app.Data.StudentAsync();
        var classmate = await _app.Data.StudentAsync();
        var session = await _app.Data.SessionAsync(await _app.Data.ClassAsync(educator, student, classmate));
        using var teacher = await _app.Data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        return (session.Id, student, classmate);
    }
}
