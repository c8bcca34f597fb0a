using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/login</c>: a plain server-rendered form, so it needs no circuit.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/login";

    public ILocator Email => page.GetByTestId(TestIds.LoginEmail);

    public ILocator Password => page.GetByTestId(TestIds.LoginPassword);

    public ILocator Submit => page.GetByTestId(TestIds.LoginSubmit);

    /// <summary>Signs in and waits for the role's landing page (<c>/educator</c> or <c>/student</c>).</summary>
    public async Task SignInAsync(string email, string password, string landingPath)
    {
        await page.GotoAsync(Path);
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landingPath);
    }
}
