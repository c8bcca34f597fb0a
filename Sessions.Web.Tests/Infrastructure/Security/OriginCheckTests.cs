using System.Net;
using System.Net.WebSockets;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Infrastructure.Security;

/// <summary>
/// A page of another origin may neither change state nor open a live connection, whatever credential rides along;
/// the portal's own pages and native clients (no <c>Origin</c>) are unaffected.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class OriginCheckTests(SessionsAppFactory app)
{
    private const string Foreign = "http://127.0.0.1:1";

    [Theory]
    [InlineData(Foreign)]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    public async Task A_state_change_from_a_foreign_origin_is_refused_even_with_the_bearer_token(string origin)
    {
        var (response, sessionId) = await EndLiveSessionAsync(app, origin);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        Assert.Equal(SessionStatus.InProgress, (await app.Data.ReloadAsync(sessionId)).Status);
    }

    [Fact]
    public async Task A_state_change_from_the_portals_own_origin_or_without_origin_goes_through()
    {
        var (sameOrigin, _) = await EndLiveSessionAsync(app, app.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority));
        var (native, _) = await EndLiveSessionAsync(app, origin: null);

        await sameOrigin.ShouldBeOkAsync();
        await native.ShouldBeOkAsync();
    }

    [Fact]
    public async Task A_read_from_a_foreign_origin_is_left_to_authentication()
    {
        using var educator = await app.Data.ClientForAsync(await app.Data.EducatorAsync());

        using var response = await educator.SendAsync(WithOrigin(new(HttpMethod.Get, "/api/me"), Foreign));

        await response.ShouldBeOkAsync();
    }

    [Theory]
    [InlineData(LiveHub.Path + "/negotiate?negotiateVersion=1")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task Negotiating_a_live_connection_from_a_foreign_origin_is_refused(string negotiate)
    {
        var student = await app.Data.StudentAsync();
        using var client = app.CreateClient();
        var token = await app.Data.TokenForAsync(student);

        using var foreign = await client.SendAsync(WithOrigin(new(HttpMethod.Post, $"{negotiate}&access_token={token}"), Foreign));
        using var own = await client.SendAsync(WithOrigin(new(HttpMethod.Post, $"{negotiate}&access_token={token}"), OwnOrigin(client)));

        await foreign.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_websocket_to_the_hub_from_a_foreign_origin_is_refused_before_the_upgrade()
    {
        var token = await app.Data.TokenForAsync(await app.Data.StudentAsync());
        using var client = app.CreateClient();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", Foreign);
        var hub = new UriBuilder(new Uri(client.BaseAddress!, $"{LiveHub.Path}?access_token={token}")) { Scheme = "ws" }.Uri;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(hub, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task A_native_client_without_origin_connects_to_the_hub_with_its_bearer_token()
    {
        var student = await app.Data.StudentAsync();
        var schoolClass = await app.Data.ClassAsync(await app.Data.EducatorAsync(), student);

        await using var listener = await LiveListener.ConnectAsync(app, student);

        Assert.Contains(LiveGroups.ForClass(schoolClass.Id), listener.Groups);
    }

    /// <summary>Its educator ends a fresh live session with the bearer token, from <paramref name="origin"/> (none: a native client).</summary>
    internal static async Task<(HttpResponseMessage Response, Guid SessionId)> EndLiveSessionAsync(SessionsAppFactory app, string? origin)
    {
        var live = await app.SessionInAsync(SessionStatus.InProgress);
        using var educator = await app.Data.ClientForAsync(live.Educator);
        var end = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{live.Session.Id}/end");
        return (await educator.SendAsync(origin is null ? end : WithOrigin(end, origin)), live.Session.Id);
    }

    private static HttpRequestMessage WithOrigin(HttpRequestMessage request, string origin)
    {
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static string OwnOrigin(HttpClient client) => client.BaseAddress!.GetLeftPart(UriPartial.Authority);
}

/// <summary>An origin listed in <c>Security:AllowedOrigins</c> is trusted like the portal's own.</summary>
public sealed class ListedOriginTests : IAsyncLifetime
{
    private const string Listed = "https://school.example:8443";

    private SessionsAppFactory App { get; set; } = default!;

    public Task InitializeAsync()
    {
        App = new(TestDatabase.Create(), new Dictionary<string, string?> { ["Security:AllowedOrigins:0"] = Listed + "/" }, ownsDatabase: true);
        return App.InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    [Fact]
    public async Task A_state_change_from_a_listed_origin_goes_through_and_others_stay_refused()
    {
        var (listed, _) = await OriginCheckTests.EndLiveSessionAsync(App, "HTTPS://School.Example:8443");
        var (otherPort, _) = await OriginCheckTests.EndLiveSessionAsync(App, "https://school.example");

        await listed.ShouldBeOkAsync();
        await otherPort.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
    }
}
