using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/account/set-password?token=</c>: where a set-password link leads, signed in or not.</summary>
public sealed class SetPasswordPage(IPage page)
{
    public ILocator Done => page.GetByTestId(TestIds.SetPasswordDone);

    public async Task SetAsync(string link, string password)
    {
        await page.GotoAsync(link);
        await page.GetByTestId(TestIds.SetPasswordNew).FillAsync(password);
        await page.GetByTestId(TestIds.SetPasswordConfirm).FillAsync(password);
        await page.GetByTestId(TestIds.SetPasswordSubmit).ClickAsync();
        await Assertions.Expect(Done).ToBeVisibleAsync();
    }
}
