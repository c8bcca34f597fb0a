using System.Net;
using System.Text.RegularExpressions;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Tests.Infrastructure.Security;

/// <summary>Every answer, page, API, refusal or error, carries the security headers; pages run no inline script.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class SecurityHeadersTests(SessionsAppFactory app)
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/api/me")]
    [InlineData("/api/nope")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(ContentSecurityPolicy.Policy, Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Single(response, "Permissions-Policy"));
    }

    [Fact]
    public void The_policy_allows_no_inline_script_no_plugins_and_no_framing_by_others()
    {
        var directives = ContentSecurityPolicy.Policy.Split("; ").ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);

        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal(["'self'"], directives["base-uri"]);
        Assert.Equal(["'self'"], directives["form-action"]);
        Assert.Equal(["'self'"], directives["frame-ancestors"]);
        Assert.Contains("wss://*.agora.io:*", directives["connect-src"]);
        Assert.Contains("camera=(self)", SecurityHeaders.PermissionsPolicy, StringComparison.Ordinal);
        Assert.Contains("microphone=(self)", SecurityHeaders.PermissionsPolicy, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", SecurityHeaders.PermissionsPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_pages_hold_no_inline_script()
    {
        var live = await app.SessionInAsync(Web.Features.Sessions.SessionStatus.InProgress);
        using var browser = await PortalBrowser.SignedInAsync(app, live.Educator);

        foreach (var path in new[] { "/login", "/educator", $"/sessions/{live.Session.Id}/room", $"/sessions/{live.Session.Id}/attendance" })
        {
            using var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
            var html = await page.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Empty(InlineScript().Matches(html).Select(m => $"{path}: {m.Value}"));
            Assert.DoesNotMatch(EventHandlerAttribute(), html);
        }
    }

    [Fact]
    public async Task Cookies_are_secure_outside_development()
    {
        using var browser = await PortalBrowser.SignedInAsync(app, await app.Data.StudentAsync());

        Assert.NotEmpty(browser.SetCookies);
        Assert.All(browser.SetCookies, cookie => Assert.True(cookie.Secure, $"{cookie.Name} is not Secure"));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);

    /// <summary>A script element without a src attribute, whatever its type (an import map is one).</summary>
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+=\"", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
