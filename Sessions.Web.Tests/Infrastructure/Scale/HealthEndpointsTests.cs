using System.Net.Http.Headers;
using System.Text.Json;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>
/// Liveness checks nothing; readiness checks the database and the notifier. The test client is on loopback, so a
/// forwarded address (loopback is a trusted proxy) plays a caller from elsewhere.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class HealthEndpointsTests(SessionsAppFactory app)
{
    private const string Outsider = "203.0.113.9";

    [Fact]
    public async Task Liveness_answers_healthy_without_running_any_check()
    {
        var live = await GetAsync(HealthEndpoints.LivePath, forwardedFor: null);

        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Empty(live.GetProperty("checks").EnumerateObject());
    }

    [Theory]
    [InlineData(HealthEndpoints.ReadyPath)]
    [InlineData(HealthEndpoints.Path)]
    public async Task Readiness_checks_the_database_and_the_notifier_and_shows_them_to_a_local_caller(string path)
    {
        var ready = await GetAsync(path, forwardedFor: null);

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order().ToList();
        Assert.Equal([DatabaseHealthCheck.Name, NotifierHealthCheck.Name], checks);
    }

    [Fact]
    public async Task A_remote_caller_gets_the_status_only()
    {
        var ready = await GetAsync(HealthEndpoints.ReadyPath, forwardedFor: Outsider);

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.False(ready.TryGetProperty("checks", out _));
    }

    [Fact]
    public async Task A_remote_admin_gets_the_detail()
    {
        var token = await app.Data.TokenForAsync(await app.Data.AdminAsync());

        var ready = await GetAsync(HealthEndpoints.ReadyPath, forwardedFor: Outsider, token);

        Assert.True(ready.GetProperty("checks").TryGetProperty(DatabaseHealthCheck.Name, out _));
    }

    private async Task<JsonElement> GetAsync(string path, string? forwardedFor, string? token = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await (await client.SendAsync(request)).ShouldBeOkAsync();
    }
}
