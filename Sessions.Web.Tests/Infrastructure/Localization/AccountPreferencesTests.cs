using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Tests.Infrastructure.Localization;

/// <summary>
/// The language and formats saved on the account: chosen on <c>/account</c>, with the language switch or through the API, and
/// followed before the culture cookie and the browser's language, on every device the user signs in on.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class AccountPreferencesTests(SessionsAppFactory app)
{
    [Fact]
    public async Task The_api_reads_and_replaces_the_three_choices_and_names_each_wrong_one()
    {
        var student = await app.Data.StudentAsync();
        using var client = await app.Data.ClientForAsync(student);

        var none = await client.GetFromJsonAsync<JsonElement>(AccountEndpoints.PreferencesPath);
        var saved = await client.PutAsJsonAsync(AccountEndpoints.PreferencesPath, new { culture = "ar", clock = "h12", digits = "latn" });
        var refused = await client.PutAsJsonAsync(AccountEndpoints.PreferencesPath, new { culture = "fr", clock = "h25", digits = "roman" });
        var after = await client.GetFromJsonAsync<JsonElement>(AccountEndpoints.PreferencesPath);

        Assert.Equal("""{"culture":null,"clock":null,"digits":null}""", none.GetRawText());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["clock", "culture", "digits"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("""{"culture":"ar","clock":"h12","digits":"latn"}""", after.GetRawText());
    }

    [Fact]
    public async Task The_accounts_language_comes_before_the_culture_cookie_and_the_browser_on_a_new_sign_in()
    {
        var student = await WithPreferencesAsync(await app.Data.StudentAsync(), new("ar", null, null));
        using var browser = new PortalBrowser(app);
        // Chosen before signing in, as a shared computer's last user left it.
        (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, CultureEndpoints.Link("en", "/login")))).Dispose();

        (await browser.SignInAsync(student)).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/student");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var html = WebUtility.HtmlDecode(await (await browser.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Equal("""<html lang="ar" dir="rtl">""", HtmlTag().Match(html).Value);
    }

    [Fact]
    public async Task A_bearer_tokens_problems_speak_the_accounts_language()
    {
        var student = await WithPreferencesAsync(await app.Data.StudentAsync(), new("ar", null, null));
        using var client = await app.Data.ClientForAsync(student);

        var refused = await client.PutAsJsonAsync(AccountEndpoints.PreferencesPath, new { culture = "fr", clock = (string?)null, digits = (string?)null });

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Matches(@"\p{IsArabic}", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_language_switch_of_a_signed_in_user_is_saved_on_the_account_and_its_formats_stay()
    {
        var student = await WithPreferencesAsync(await app.Data.StudentAsync(), new(null, ClockPreference.TwelveHour, null));
        using var browser = await PortalBrowser.SignedInAsync(app, student);

        using var chosen = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, CultureEndpoints.Link("ar", "/student")));

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(new AccountPreferences("ar", ClockPreference.TwelveHour, null), await PreferencesOfAsync(student));
    }

    [Fact]
    public async Task A_language_link_on_another_site_changes_the_browsers_cookie_but_not_the_account()
    {
        var student = await app.Data.StudentAsync();
        using var browser = await PortalBrowser.SignedInAsync(app, student);
        using var request = new HttpRequestMessage(HttpMethod.Get, CultureEndpoints.Link("ar", "/student"));
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var chosen = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(new AccountPreferences(null, null, null), await PreferencesOfAsync(student));
        Assert.Contains(browser.SetCookies, c => c.Name == ".AspNetCore.Culture");
    }

    [Fact]
    public async Task The_account_page_saves_language_clock_and_digits_and_loads_again_in_that_language()
    {
        var student = await app.Data.StudentAsync();
        using var browser = await PortalBrowser.SignedInAsync(app, student);
        var form = await browser.FormOfAsync(OwnAccount.PagePath);
        form["_handler"] = "change-formats";
        form["Formats.Culture"] = "ar";
        form["Formats.Clock"] = ClockPreference.TwentyFourHour;
        form["Formats.Digits"] = DigitPreference.Latin;

        using var saved = await browser.PostFormAsync(OwnAccount.PagePath, form);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{OwnAccount.PagePath}?formats=saved", saved.Headers.Location?.PathAndQuery);
        Assert.Equal(new AccountPreferences("ar", ClockPreference.TwentyFourHour, DigitPreference.Latin), await PreferencesOfAsync(student));
        Assert.Contains(browser.SetCookies, c => c.Name == ".AspNetCore.Culture" && c.Value.ToString().Contains("c%3Dar", StringComparison.Ordinal));
        var html = WebUtility.HtmlDecode(await (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, saved.Headers.Location!.PathAndQuery))).Content.ReadAsStringAsync());
        Assert.Equal("""<html lang="ar" dir="rtl">""", HtmlTag().Match(html).Value);
        Assert.Contains("تم حفظ اللغة والتنسيقات.", html, StringComparison.Ordinal);
        Assert.Matches("""<option value="h23" selected""", html);
    }

    private async Task<AppUser> WithPreferencesAsync(AppUser user, AccountPreferences preferences)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var changed = await scope.ServiceProvider.GetRequiredService<OwnAccount>().ChangePreferencesAsync(user.Id, preferences);
        Assert.Null(changed.Error);
        return changed.Value!;
    }

    private async Task<AccountPreferences> PreferencesOfAsync(AppUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return AccountPreferences.Of((await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id))!);
    }

    [GeneratedRegex("<html[^>]*>")]
    private static partial Regex HtmlTag();
}
