using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/account</c>: static forms where a user changes their password (at once, if the account must), language and formats.</summary>
public sealed class AccountPage(IPage page)
{
    public const string Path = "/account";

    public ILocator MustChangePassword => page.GetByTestId(TestIds.MustChangePassword);

    public ILocator PasswordResult => page.GetByTestId(TestIds.ChangePasswordResult);

    public ILocator FormatsResult => page.GetByTestId(TestIds.ChangeFormatsResult);

    /// <summary>Saves the language, clock and digits ("" follows the browser or the language); the page loads again in that language.</summary>
    public async Task ChooseFormatsAsync(string culture, string clock, string digits)
    {
        await page.GetByTestId(TestIds.OwnCulture).SelectOptionAsync(culture);
        await page.GetByTestId(TestIds.OwnClock).SelectOptionAsync(clock);
        await page.GetByTestId(TestIds.OwnDigits).SelectOptionAsync(digits);
        await page.GetByTestId(TestIds.ChangeFormatsSubmit).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/account?formats=saved", StringComparison.Ordinal));
    }

    public async Task ChangePasswordAsync(string current, string replacement)
    {
        await page.GetByTestId(TestIds.CurrentPassword).FillAsync(current);
        await page.GetByTestId(TestIds.NewPassword).FillAsync(replacement);
        await page.GetByTestId(TestIds.ConfirmNewPassword).FillAsync(replacement);
        await page.GetByTestId(TestIds.ChangePasswordSubmit).ClickAsync();
    }
}
