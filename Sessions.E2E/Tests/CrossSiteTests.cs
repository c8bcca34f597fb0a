using System.Text.Json;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;

namespace Sessions.E2E.Tests;

/// <summary>
/// A page on another port of the same host, opened in the browser where the victim is signed in to the portal: the
/// browser sends the portal's cookie with what the page asks for, so the portal itself must refuse (issue 12).
/// </summary>
[Collection(PerimeterAppGroup.Name)]
public sealed class CrossSiteTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    /// <summary>
    /// Opens the live hub the way the reported attack did: a raw WebSocket with the JSON protocol's handshake, answering
    /// with what it saw (opened, messages) once the socket closes, after the first <c>Subscribed</c> or a refusal.
    /// </summary>
    private const string OpenHub = """
        hubUrl => new Promise(resolve => {
            const seen = { opened: false, messages: [] };
            const socket = new WebSocket(hubUrl);
            socket.onopen = () => { seen.opened = true; socket.send('{"protocol":"json","version":1}\u001e'); };
            socket.onmessage = e => { seen.messages.push(String(e.data)); if (String(e.data).includes('"Subscribed"')) socket.close(); };
            socket.onclose = () => resolve(seen);
        })
        """;

    /// <summary>
    /// SignalR's first request, with the cookie. "no-cors": the browser then neither checks nor hides the answer's status
    /// from the network layer (a CORS failure would hide whether the portal itself refused); the page reads it only same-origin.
    /// </summary>
    private const string Negotiate = """
        negotiateUrl => fetch(negotiateUrl, { method: "POST", credentials: "include", mode: "no-cors" }).then(r => "answered " + r.status)
        """;

    private readonly Uri _portal = app.BaseUrl;

    [Fact]
    public async Task A_form_another_site_submits_cannot_end_the_victims_live_session()
    {
        var session = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");
        await Seed.StartAsync(SeededData.Teacher, session.Id);
        var victim = await SignInAsync(SeededData.Teacher, "/educator");
        var end = new Uri(_portal, $"/api/sessions/{session.Id}/end");
        await using var attacker = new ForeignSite($"""
            <!doctype html><title>Free prizes</title>
            <form id="f" method="POST" action="{end}" enctype="text/plain"><input name="x" value="y"></form>
            <script>document.getElementById("f").submit();</script>
            """);

        var refusal = await victim.RunAndWaitForResponseAsync(() => victim.GotoAsync(attacker.Url.ToString()), end.ToString());

        Assert.Equal(403, refusal.Status);
        Assert.Equal("origin_not_allowed", JsonDocument.Parse(await refusal.TextAsync()).RootElement.GetProperty("code").GetString());
        Assert.Equal("in_progress", await Seed.StatusAsync(SeededData.Teacher, session.Id));
        await Screenshot(victim, "forged-end-refused");
    }

    [Fact]
    public async Task An_injected_inline_script_is_refused_and_reported()
    {
        var page = await SignInAsync(SeededData.Teacher, "/educator");

        var ran = await page.EvaluateAsync<bool>("""
            () => new Promise(resolve => {
                document.addEventListener("securitypolicyviolation", () => window.__cspReported.then(() => resolve(window.__injected === true)), { once: true });
                const script = document.createElement("script");
                script.textContent = "window.__injected = true";
                document.head.append(script);
            })
            """);

        Assert.False(ran);
        Assert.Contains(TakeCspViolations(), v => v.StartsWith("script-src-elem refused inline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_site_cannot_open_the_live_hub_with_the_victims_cookie()
    {
        var victim = await SignInAsync(SeededData.Student(1), "/student");
        var hub = new UriBuilder(new Uri(_portal, "/hubs/sessions")) { Scheme = "ws" }.Uri.ToString();
        var negotiate = new Uri(_portal, "/hubs/sessions/negotiate?negotiateVersion=1").ToString();

        // From the portal's own page the same script gets in: the cookie works, the script is right.
        var own = await victim.EvaluateAsync<JsonElement>(OpenHub, hub);
        Assert.True(own.GetProperty("opened").GetBoolean());
        Assert.Contains(own.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("\"Subscribed\"", StringComparison.Ordinal));
        Assert.Equal("answered 200", await victim.EvaluateAsync<string>(Negotiate, negotiate));

        await using var attacker = new ForeignSite("<!doctype html><title>Free prizes</title>");
        await victim.GotoAsync(attacker.Url.ToString());
        var foreign = await victim.EvaluateAsync<JsonElement>(OpenHub, hub);
        var negotiation = await victim.RunAndWaitForResponseAsync(() => victim.EvaluateAsync<string>(Negotiate, negotiate), negotiate);

        Assert.False(foreign.GetProperty("opened").GetBoolean());
        Assert.Empty(foreign.GetProperty("messages").EnumerateArray());
        Assert.Equal(403, negotiation.Status);
    }
}
