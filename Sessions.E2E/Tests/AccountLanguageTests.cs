using System.Text.RegularExpressions;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// The language and clock chosen on <c>/account</c> belong to the account: another browser, set to English, signs in and gets
/// the portal in the language chosen, and the dashboard's cards in the clock chosen. axe checks the account page in Arabic.
/// </summary>
[Collection(ArabicAppGroup.Name)]
public sealed partial class AccountLanguageTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task Arabic_chosen_on_the_account_follows_the_user_to_another_browser_and_so_does_a_12_hour_clock()
    {
        var session = await Seed.SessionAsync(SeededData.Teacher2, "The periodic table");
        var firstBrowser = await SignInAsync(SeededData.Teacher2, EducatorSessionsPage.Path);
        await firstBrowser.GotoAsync(AccountPage.Path);

        await new AccountPage(firstBrowser).ChooseFormatsAsync("ar", "", "");

        await Expect(firstBrowser.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(new AccountPage(firstBrowser).FormatsResult).ToHaveTextAsync("تم حفظ اللغة والتنسيقات.");
        await AxeAsync(firstBrowser, "account-language-and-formats-arabic");

        var otherBrowser = await SignInAsync(SeededData.Teacher2, SeededData.Password, EducatorSessionsPage.Path, "en-US");
        await Expect(otherBrowser.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(otherBrowser.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        await otherBrowser.GotoAsync(AccountPage.Path);
        await new AccountPage(otherBrowser).ChooseFormatsAsync("en", "h12", "");
        var educator = new EducatorSessionsPage(otherBrowser);
        await otherBrowser.GotoAsync(EducatorSessionsPage.Path);
        await educator.WaitUntilInteractiveAsync();

        await Expect(otherBrowser.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(educator.Card(session.Id)).ToContainTextAsync(TwelveHourTime());
    }

    /// <summary>"2:30 PM": no leading zero, a space, AM or PM.</summary>
    [GeneratedRegex(@"\b(1[0-2]|[1-9]):[0-5][0-9] (AM|PM)\b")]
    private static partial Regex TwelveHourTime();
}
