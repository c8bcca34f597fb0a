using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/admin/ratings</c>: the moderation list, pending ratings first.</summary>
public sealed class AdminRatingsPage(IPage page) : BlazorPage(page)
{
    public const string Path = "/admin/ratings";

    public ILocator Table => Page.GetByTestId(TestIds.RatingsTable);

    /// <summary>The row of a rating, by its session's title and its author's name.</summary>
    public ILocator Row(string sessionTitle, string studentName) =>
        Table.Locator("tbody tr").Filter(new() { HasText = sessionTitle }).Filter(new() { HasText = studentName });

    public ILocator Approve(string sessionTitle, string studentName) =>
        Row(sessionTitle, studentName).Locator($"[data-testid^='{TestIds.ApproveRatingPrefix}']");

    public async Task GotoAsync()
    {
        await Page.GotoAsync(Path);
        await WaitUntilInteractiveAsync();
    }
}
