using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// What a browser does with the portal's cookie sign-in, without a browser: it reads the antiforgery token of a page's form,
/// posts the form, keeps the cookies it is given and sends them back. Cookies are kept by hand because outside Development
/// they are <c>Secure</c>, which a cookie container would not send to the plain-http test server.
/// </summary>
public sealed partial class PortalBrowser(SessionsAppFactory app) : IDisposable
{
    public const string TokenField = "__RequestVerificationToken";
    public const string AuthCookie = "sessions.auth";

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = app.ClientOptions.BaseAddress,
    };
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly List<SetCookieHeaderValue> _setCookies = [];

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Every cookie the portal has set so far, with its attributes.</summary>
    public IReadOnlyList<SetCookieHeaderValue> SetCookies => _setCookies;

    public bool Has(string cookieName) => _cookies.ContainsKey(cookieName);

    /// <summary>A browser signed in as <paramref name="user"/> through the <c>/login</c> form.</summary>
    public static async Task<PortalBrowser> SignedInAsync(SessionsAppFactory app, AppUser user)
    {
        var browser = new PortalBrowser(app);
        using var signIn = await browser.SignInAsync(user);
        Assert.True(signIn.StatusCode == System.Net.HttpStatusCode.Found && browser.Has(AuthCookie),
            $"Signing in as {user.Email} answered {(int)signIn.StatusCode}");
        return browser;
    }

    /// <summary>Signs in through the <c>/login</c> form, as a person does; the answer is the form post's redirect.</summary>
    public async Task<HttpResponseMessage> SignInAsync(AppUser user, string? returnUrl = null)
    {
        var login = returnUrl is null ? AccountEndpoints.LoginPath : $"{AccountEndpoints.LoginPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await FormOfAsync(login);
        form["Input.Email"] = user.Email!;
        form["Input.Password"] = TestData.Password;
        return await PostFormAsync(login, form);
    }

    /// <summary>The hidden fields of the page's first form that posts (the Blazor handler name, the antiforgery token); the language switch only gets.</summary>
    public async Task<Dictionary<string, string>> FormOfAsync(string pagePath)
    {
        using var page = await SendAsync(new HttpRequestMessage(HttpMethod.Get, pagePath));
        var html = await page.Content.ReadAsStringAsync();
        var form = FormElement().Match(html);
        Assert.True(form.Success, $"{pagePath} ({(int)page.StatusCode}) has no form");
        return HiddenInput().Matches(form.Value).ToDictionary(m => m.Groups["name"].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Sends with the cookies kept so far and keeps those the answer sets (a past expiry deletes one).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues(HeaderNames.SetCookie, out var values))
        {
            foreach (var cookie in SetCookieHeaderValue.ParseList([.. values]))
            {
                _setCookies.Add(cookie);
                if (cookie.Expires < DateTimeOffset.UtcNow)
                {
                    _cookies.Remove(cookie.Name.Value!);
                }
                else
                {
                    _cookies[cookie.Name.Value!] = cookie.Value.Value!;
                }
            }
        }
        return response;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("""<form[^>]*method="post"[^>]*>.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex(""""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"""")]
    private static partial Regex HiddenInput();
}
