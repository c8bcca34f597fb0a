using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Sessions.Proxy.Tests.Infrastructure;

namespace Sessions.Proxy.Tests;

/// <summary>
/// The proxy picks instances round robin, so two requests in a row without affinity always land on different instances:
/// anything that only works on one instance fails here at once rather than half of the time.
/// </summary>
public sealed class AffinityTests(ProxiedPortals portals) : IClassFixture<ProxiedPortals>
{
    private const int Requests = 6;

    [Fact]
    public async Task Requests_that_send_the_affinity_cookie_back_stay_on_one_instance()
    {
        var cookies = new CookieContainer();
        using var client = portals.Client(cookies);

        var servedBy = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            servedBy.Add(await ProxiedPortals.ServedByAsync(client));
        }

        var instance = Assert.Single(servedBy.Distinct());
        var affinity = Assert.Single(cookies.GetAllCookies());
        // A Data Protection payload (its magic header reads "CfDJ8" in base64), not the instance's name: a client can
        // neither read nor choose its instance.
        Assert.NotEqual(instance, affinity.Value);
        Assert.StartsWith("CfDJ8", affinity.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_without_the_cookie_are_spread_over_both_instances()
    {
        using var client = portals.Client(cookies: null);

        var servedBy = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            servedBy.Add(await ProxiedPortals.ServedByAsync(client));
        }

        Assert.Equal(portals.Instances.Keys.Order(), servedBy.Distinct().Order());
    }

    [Fact]
    public async Task An_instance_builds_its_links_from_the_host_the_client_asked_the_proxy_for()
    {
        using var client = portals.Client(cookies: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "portal.example" } };

        using var response = await client.SendAsync(request);

        // The sign-in redirect is absolute; without X-Forwarded-Host it would name the instance's own address.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://portal.example/login?ReturnUrl=%2F", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_hub_client_negotiates_and_connects_over_a_WebSocket_through_the_proxy()
    {
        using var client = portals.Client(cookies: null);
        var token = await DemoPortal.TeacherTokenAsync(client);
        var subscribed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        // WebSockets only, so no fallback to long polling hides a failed upgrade. The client keeps the cookie negotiate
        // sets and sends it with the upgrade; without it, the upgrade would reach the instance that never negotiated.
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(portals.Proxy.Url, DemoPortal.HubPath), HttpTransportType.WebSockets,
                options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        connection.On<JsonElement>(DemoPortal.SubscribedMethod, message => subscribed.TrySetResult(message));

        await connection.StartAsync();

        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }
}
