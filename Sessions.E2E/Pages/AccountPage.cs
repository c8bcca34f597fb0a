using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/account</c>: a static form where a user changes their password (at once, if the account must).</summary>
public sealed class AccountPage(IPage page)
{
    public const string Path = "/account";

    public ILocator MustChangePassword => page.GetByTestId(TestIds.MustChangePassword);

    public ILocator PasswordResult => page.GetByTestId(TestIds.ChangePasswordResult);

    public async Task ChangePasswordAsync(string current, string replacement)
    {
        await page.GetByTestId(TestIds.CurrentPassword).FillAsync(current);
        await page.GetByTestId(TestIds.NewPassword).FillAsync(replacement);
        await page.GetByTestId(TestIds.ConfirmNewPassword).FillAsync(replacement);
        await page.GetByTestId(TestIds.ChangePasswordSubmit).ClickAsync();
    }
}
