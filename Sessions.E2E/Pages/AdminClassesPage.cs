using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/admin/classes</c>: the school's classes, where an admin creates one for an educator.</summary>
public sealed class AdminClassesPage(IPage page) : BlazorPage(page)
{
    public const string Path = "/admin/classes";

    public ILocator Table => Page.GetByTestId(TestIds.ClassesTable);

    public async Task GotoAsync()
    {
        await Page.GotoAsync(Path);
        await WaitUntilInteractiveAsync();
    }

    /// <summary>Creates a class, picking its educator by name from the active educators the dialog offers.</summary>
    public async Task CreateAsync(string name, string code, string subject, string educatorName)
    {
        await Page.GetByTestId(TestIds.CreateClass).ClickAsync();
        await Page.Locator($"input[data-testid='{TestIds.ClassFormName}']").FillAsync(name);
        await Page.Locator($"input[data-testid='{TestIds.ClassFormCode}']").FillAsync(code);
        await Page.Locator($"input[data-testid='{TestIds.ClassFormSubject}']").FillAsync(subject);
        var educator = Page.Locator($"input[data-testid='{TestIds.ClassFormEducator}']");
        await educator.FillAsync(educatorName);
        var option = Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = educatorName }).First;
        var chosen = new Regex($"^{Regex.Escape(educatorName)} \\(");
        // The list the typed search answers replaces the one shown on focus, and a click on the replaced one is lost.
        await Repeat.UntilAsync(() => option.ClickAsync(), timeout => Assertions.Expect(educator).ToHaveValueAsync(chosen, new() { Timeout = timeout }));
        await Assertions.Expect(educator).ToHaveValueAsync(chosen);
        // A search still on its way can open the list again over the buttons; leaving the field closes it.
        await educator.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        var submit = Page.GetByTestId(TestIds.ClassFormSubmit);
        await submit.ClickAsync();
        await Assertions.Expect(submit).ToHaveCountAsync(0); // saved: the dialog closed
        await Assertions.Expect(Table).ToContainTextAsync(name);
    }
}
