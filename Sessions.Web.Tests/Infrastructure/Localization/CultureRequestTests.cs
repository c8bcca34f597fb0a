using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Tests.Infrastructure.Localization;

/// <summary>How a request's language is chosen, and what it changes: the page's lang and dir, its texts, a problem's title and detail.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class CultureRequestTests(SessionsAppFactory app)
{
    private const string CultureCookie = ".AspNetCore.Culture";

    private HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = app.ClientOptions.BaseAddress,
    };

    [Fact]
    public async Task An_Arabic_browser_gets_the_sign_in_page_in_Arabic_right_to_left()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.AcceptLanguage.ParseAdd("ar-EG,ar;q=0.9,en;q=0.5");

        // Blazor writes every non-ASCII character as an entity.
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Equal("""<html lang="ar" dir="rtl">""", HtmlTag().Match(html).Value);
        Assert.Contains("تسجيل الدخول", html, StringComparison.Ordinal);
        Assert.Contains("mud-application-layout-rtl", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Sign in<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_choice_or_with_an_unsupported_language_the_page_is_English_left_to_right()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");

        var french = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        var none = await client.GetStringAsync("/login");

        foreach (var html in new[] { french, none })
        {
            Assert.Equal("""<html lang="en" dir="ltr">""", HtmlTag().Match(html).Value);
            Assert.Contains("Live class sessions for your school.", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_problem_speaks_the_request_language_and_keeps_its_code()
    {
        using var client = Client();
        var body = new { email = $"nobody-{Guid.NewGuid():N}@test.example", password = "wrong-Password1!" };

        using var arabic = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(body) };
        arabic.Headers.AcceptLanguage.ParseAdd("ar");
        var inArabic = await (await client.SendAsync(arabic)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var inEnglish = await (await client.PostAsJsonAsync("/api/auth/login", body)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        Assert.Equal("البريد الإلكتروني أو كلمة المرور غير صحيحة.", inArabic.GetProperty("detail").GetString());
        Assert.Equal("يلزم تسجيل الدخول", inArabic.GetProperty("title").GetString());
        Assert.Equal("The email or password is not right.", inEnglish.GetProperty("detail").GetString());
        Assert.Equal("Unauthorized", inEnglish.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_validation_problems_field_messages_speak_the_request_language_with_their_facts_and_the_code_stays()
    {
        using var admin = await app.Data.ClientForAsync(await app.Data.AdminAsync());
        var body = new { email = "not an email", displayName = new string('x', 101), roles = new[] { "Student" }, timeZone = "Nowhere/Land" };

        using var arabic = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users") { Content = JsonContent.Create(body) };
        arabic.Headers.AcceptLanguage.ParseAdd("ar");
        var inArabic = (await (await admin.SendAsync(arabic)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        var inEnglish = (await (await admin.PostAsJsonAsync("/api/admin/users", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors");

        Assert.Equal("يجب أن يكون البريد الإلكتروني عنوانًا واحدًا، مثل teacher@example.com.", inArabic.GetProperty("email")[0].GetString());
        Assert.Equal("لا يزيد هذا الحقل على ١٠٠ حرفًا.", inArabic.GetProperty("displayName")[0].GetString());
        Assert.Equal("The display name may have at most 100 characters.", inEnglish.GetProperty("displayName")[0].GetString());
        Assert.Equal("The time zone must be an IANA time zone id, such as Europe/Paris.", inEnglish.GetProperty("timeZone")[0].GetString());
    }

    [Fact]
    public async Task The_language_switch_remembers_the_choice_in_the_culture_cookie_which_wins_over_the_browser()
    {
        using var client = Client();

        var chosen = await client.GetAsync(CultureEndpoints.Link("ar", "/login?returnUrl=%2Fstudent"));

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fstudent", chosen.Headers.Location?.OriginalString);
        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CultureCookie + "=", StringComparison.Ordinal));
        Assert.StartsWith($"{CultureCookie}=c%3Dar%7Cuic%3Dar;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.AcceptLanguage.ParseAdd("en");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Equal("""<html lang="ar" dir="rtl">""", HtmlTag().Match(html).Value);
    }

    [Fact]
    public async Task Arabic_with_Latin_digits_keeps_the_Arabic_texts()
    {
        using var client = Client();
        var chosen = await client.GetAsync(CultureEndpoints.Link("ar-u-nu-latn", "/login"));
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{CultureCookie}=c%3Dar-u-nu-latn%7Cuic%3Dar;", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("//evil.example/login")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_language_switch_only_goes_back_to_a_page_of_the_portal(string redirectUri)
    {
        using var client = Client();
        var chosen = await client.GetAsync($"{CultureEndpoints.Path}?c=en&redirectUri={Uri.EscapeDataString(redirectUri)}");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/", chosen.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_language_the_portal_does_not_speak_is_refused_and_sets_nothing()
    {
        using var client = Client();
        var refused = await client.GetAsync($"{CultureEndpoints.Path}?c=fr&redirectUri=/login");
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(CultureCookie, StringComparison.Ordinal)));
    }

    [GeneratedRegex("<html[^>]*>")]
    private static partial Regex HtmlTag();
}
