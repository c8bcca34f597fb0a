using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Lockout;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Accounts;

/// <summary>
/// Wrong passwords lock out the client that typed them, never the account: an attacker who knows a teacher's email
/// cannot keep the teacher out, and the answers do not tell which emails have accounts.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SignInLockoutTests(SessionsAppFactory app)
{
    private const int MaxFailures = 5;
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task An_attacker_is_locked_out_while_the_owner_on_their_own_device_still_signs_in()
    {
        var teacher = await _data.EducatorAsync();
        // The teacher's own device keeps its cookies as a browser or an app does (they are Secure outside Development).
        using var ownDevice = new PortalBrowser(app);
        await (await LoginAsync(ownDevice, teacher.Email!, TestData.Password)).ShouldBeOkAsync();
        Assert.True(ownDevice.Has(DeviceRecognition.CookieName));
        using var attacker = app.CreateClient();

        for (var attempt = 1; attempt <= MaxFailures; attempt++)
        {
            await (await LoginAsync(attacker, teacher.Email!, $"guess-{attempt}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        var locked = await LoginAsync(attacker, teacher.Email!, TestData.Password);

        var problem = await locked.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "locked_out");
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a lockout says when to try again");
        Assert.Equal(locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds, problem.GetProperty("retryAfterSeconds").GetInt32());
        var tokens = await (await LoginAsync(ownDevice, teacher.Email!, TestData.Password)).ShouldBeOkAsync();
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("accessToken").GetString()));
        await using var db = await _data.DbAsync();
        Assert.Null(db.Users.Single(u => u.Id == teacher.Id).LockoutEnd);
    }

    [Fact]
    public async Task Every_stranger_shares_one_count_and_the_lockout_ends_after_its_minutes()
    {
        var student = await _data.StudentAsync();
        using var firstStranger = app.CreateClient();
        for (var attempt = 1; attempt <= MaxFailures; attempt++)
        {
            await LoginAsync(firstStranger, student.Email!, "wrong-password");
        }
        using var newDevice = app.CreateClient();

        await (await LoginAsync(newDevice, student.Email!, TestData.Password)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "locked_out");
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await (await LoginAsync(newDevice, student.Email!, TestData.Password)).ShouldBeOkAsync();
    }

    [Fact]
    public async Task Unknown_and_known_emails_get_the_same_answers_all_the_way_to_the_lockout()
    {
        var known = (await _data.StudentAsync()).Email!;
        var unknown = $"nobody-{Guid.NewGuid():N}@test.example";
        using var probe = app.CreateClient();

        for (var attempt = 1; attempt <= MaxFailures + 2; attempt++)
        {
            using var forKnown = await LoginAsync(probe, known, "wrong-password");
            using var forUnknown = await LoginAsync(probe, unknown, "wrong-password");

            Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
            Assert.Equal(await ComparableAsync(forKnown), await ComparableAsync(forUnknown));
            Assert.Equal(forKnown.Headers.RetryAfter?.Delta, forUnknown.Headers.RetryAfter?.Delta);
        }
    }

    [Fact]
    public async Task A_disabled_account_is_told_so_only_after_the_right_password()
    {
        var student = await _data.StudentAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(student.Id))!, DateTimeOffset.MaxValue);
        }
        using var client = app.CreateClient();

        await (await LoginAsync(client, student.Email!, "wrong-password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await LoginAsync(client, student.Email!, TestData.Password)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "account_disabled");
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private static Task<HttpResponseMessage> LoginAsync(PortalBrowser device, string email, string password) =>
        device.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password }) });

    /// <summary>The problem without its trace id, which differs per request by design.</summary>
    private static async Task<string> ComparableAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join("|", problem.RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }
}
