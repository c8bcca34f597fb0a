using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/admin/users</c>: the school's accounts, where an admin creates one and hands over its set-password link.</summary>
public sealed class AdminUsersPage(IPage page) : BlazorPage(page)
{
    public const string Path = "/admin/users";

    public async Task GotoAsync()
    {
        await Page.GotoAsync(Path);
        await WaitUntilInteractiveAsync();
    }

    /// <summary>Creates an account in the admin's own time zone and answers the set-password link the page shows, as its Copy button copies it.</summary>
    public async Task<string> CreateAsync(string email, string displayName, string role)
    {
        await Page.GetByTestId(TestIds.CreateUser).ClickAsync();
        await Page.Locator($"input[data-testid='{TestIds.UserFormEmail}']").FillAsync(email);
        await Page.Locator($"input[data-testid='{TestIds.UserFormDisplayName}']").FillAsync(displayName);
        await Page.GetByTestId(TestIds.UserFormRole(role)).ClickAsync();
        await Page.GetByTestId(TestIds.UserFormSubmit).ClickAsync();

        var shown = await Page.Locator($"input[data-testid='{TestIds.PasswordLinkUrl}']").InputValueAsync();
        await Page.GetByTestId(TestIds.CopyPasswordLink).ClickAsync();
        // The copy goes through the circuit to the browser's clipboard: wait until it lands.
        var copied = await (await Page.WaitForFunctionAsync("() => navigator.clipboard.readText().then(text => text || null)")).JsonValueAsync<string>();
        Assert.Equal(shown, copied);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        return copied;
    }
}
