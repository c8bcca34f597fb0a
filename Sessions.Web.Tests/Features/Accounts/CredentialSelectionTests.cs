using System.Net;
using System.Net.Http.Json;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Accounts;

/// <summary>
/// The portal's cookie signs in pages, never the API's state changes: a browser attaches it to requests any site makes.
/// Only GET downloads the pages link to accept it on the API.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class CredentialSelectionTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task A_valid_cookie_alone_cannot_end_a_live_session_through_the_api()
    {
        var live = await app.SessionInAsync(SessionStatus.InProgress);
        using var browser = await PortalBrowser.SignedInAsync(app, live.Educator);

        // The body a cross-site <form enctype="text/plain"> sends.
        using var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{live.Session.Id}/end")
        {
            Content = new StringContent("x=y", System.Text.Encoding.UTF8, "text/plain"),
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(SessionStatus.InProgress, (await _data.ReloadAsync(live.Session.Id)).Status);
    }

    [Fact]
    public async Task A_valid_cookie_alone_is_unauthenticated_on_every_kind_of_api_call()
    {
        var scheduled = await app.SessionInAsync(SessionStatus.Scheduled);
        using var browser = await PortalBrowser.SignedInAsync(app, scheduled.Educator);
        var id = scheduled.Session.Id;

        foreach (var request in new Func<HttpRequestMessage>[]
        {
            () => new(HttpMethod.Post, $"/api/sessions/{id}/start"),
            () => new(HttpMethod.Post, "/api/sessions") { Content = JsonContent.Create(new { classId = 1, title = "x", type = "instant", durationMinutes = 30 }) },
            () => new(HttpMethod.Patch, $"/api/sessions/{id}") { Content = JsonContent.Create(new { title = "renamed" }) },
            () => new(HttpMethod.Get, "/api/me"),
            () => new(HttpMethod.Get, $"/api/sessions/{id}/attendance"),
        })
        {
            using var response = await browser.SendAsync(request());
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        }
        using var mobile = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/sessions/start")
        {
            Content = JsonContent.Create(new { educatorId = scheduled.Educator.Id, sessionId = id }),
            Headers = { { "api-version", "6" } },
        });
        await mobile.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(SessionStatus.Scheduled, (await _data.ReloadAsync(id)).Status);
    }

    [Fact]
    public async Task The_cookie_downloads_the_attendance_csv_the_attendance_page_links_to()
    {
        var completed = await app.SessionInAsync(SessionStatus.Completed);
        using var browser = await PortalBrowser.SignedInAsync(app, completed.Educator);

        using var csv = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{completed.Session.Id}/attendance.csv"));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains(completed.Student.Email!, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bearer_token_still_changes_state_and_the_cookie_still_opens_pages()
    {
        var live = await app.SessionInAsync(SessionStatus.InProgress);
        using var browser = await PortalBrowser.SignedInAsync(app, live.Educator);
        using var mobile = await _data.ClientForAsync(live.Educator);

        using var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/educator"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await (await mobile.PostAsync($"/api/sessions/{live.Session.Id}/end", null)).ShouldBeOkAsync();
    }
}
