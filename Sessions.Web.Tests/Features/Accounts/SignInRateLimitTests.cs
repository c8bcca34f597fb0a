using System.Net;
using System.Net.Http.Json;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Features.Accounts;

/// <summary>Password checks are limited per client address, whatever the accounts tried (each check costs a password hash).</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly SessionsAppFactory _app = new(TestDatabase.Create(),
        new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" }, ownsDatabase: true);

    public Task InitializeAsync() => _app.InitializeAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_client_address_gets_429_beyond_the_sign_in_limit_whichever_emails_it_tries()
    {
        using var client = _app.CreateClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = $"guess{attempt}@test.example", password = "x" });
            await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        var limited = await client.PostAsJsonAsync("/api/auth/login", new { email = "guess4@test.example", password = "x" });

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
    }
}
