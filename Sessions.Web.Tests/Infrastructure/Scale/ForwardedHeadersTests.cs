using System.Net;
using System.Net.Http.Json;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>
/// The test client reaches the portal from loopback, which is a trusted proxy by default: with it the portal believes
/// <c>X-Forwarded-*</c>; with the trusted proxies configured elsewhere, the same headers are ignored.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string PortalOrigin = "https://portal.example";

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_address_gets_its_own_rate_limit()
    {
        await using var app = await StartAsync(trustLoopback: true);
        using var client = app.CreateClient();

        await SignInShouldAnswerAsync(client, "203.0.113.7", HttpStatusCode.Unauthorized);
        await SignInShouldAnswerAsync(client, "203.0.113.8", HttpStatusCode.Unauthorized);
        await SignInShouldAnswerAsync(client, "203.0.113.7", HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task From_an_untrusted_proxy_forwarded_addresses_are_ignored_and_share_the_proxy_s_limit()
    {
        await using var app = await StartAsync(trustLoopback: false);
        using var client = app.CreateClient();

        await SignInShouldAnswerAsync(client, "203.0.113.7", HttpStatusCode.Unauthorized);
        await SignInShouldAnswerAsync(client, "203.0.113.8", HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_scheme_and_host_make_the_portal_s_own_origin()
    {
        await using var app = await StartAsync(trustLoopback: true);
        using var client = app.CreateClient();

        var post = await PostFromPortalOriginAsync(client);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task From_an_untrusted_proxy_the_forwarded_scheme_and_host_are_ignored()
    {
        await using var app = await StartAsync(trustLoopback: false);
        using var client = app.CreateClient();

        var post = await PostFromPortalOriginAsync(client);

        await post.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
    }

    [Theory]
    [InlineData("KnownProxies", "10.0.0.300", "ForwardedHeaders:KnownProxies must hold IP addresses")]
    [InlineData("KnownNetworks", "10.0.0.0", "ForwardedHeaders:KnownNetworks must hold CIDR networks")]
    public void The_app_refuses_to_start_with_a_malformed_proxy(string key, string value, string message)
    {
        var failure = StartupFailures.Of("Testing", new Dictionary<string, string?>
        {
            ["Agora:AppId"] = SessionsAppFactory.AgoraAppId,
            ["Agora:AppCertificate"] = SessionsAppFactory.AgoraCertificate,
            [$"ForwardedHeaders:{key}:0"] = value,
        });

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    /// <summary>An unknown route, so the answer is the origin check's (403) or routing's (404), and no limit is spent.</summary>
    private static Task<HttpResponseMessage> PostFromPortalOriginAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/no-such-thing") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Origin", PortalOrigin);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "portal.example");
        return client.SendAsync(request);
    }

    private static async Task SignInShouldAnswerAsync(HttpClient client, string forwardedFor, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = "nobody@test.example", password = "x" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    private static Task<OwnedApp> StartAsync(bool trustLoopback)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "1" };
        if (!trustLoopback)
        {
            settings["ForwardedHeaders:KnownProxies:0"] = "10.9.9.9";
        }
        return OwnedApp.StartAsync(settings);
    }
}
