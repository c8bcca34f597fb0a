using System.Globalization;
using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/educator</c>: the educator's session cards.</summary>
public sealed class EducatorSessionsPage(IPage page) : BlazorPage(page)
{
    public const string Path = "/educator";

    public ILocator Card(Guid sessionId) => Page.GetByTestId(TestIds.SessionCard(sessionId));

    public ILocator StartButton(Guid sessionId) => Page.GetByTestId(TestIds.StartSession(sessionId));

    public ILocator Status(Guid sessionId) => Page.GetByTestId(TestIds.SessionStatus(sessionId));

    public ILocator Error(Guid sessionId) => Page.GetByTestId(TestIds.SessionError(sessionId));

    public ILocator EnterRoom(Guid sessionId) => Page.GetByTestId(TestIds.EnterRoom(sessionId));

    public ILocator CancelReason(Guid sessionId) => Page.GetByTestId(TestIds.SessionCancelReason(sessionId));

    /// <summary>The card with the averages of the educator's approved ratings.</summary>
    public ILocator RatingSummary => Page.GetByTestId(TestIds.RatingSummary);

    /// <summary>The id of the one session whose card shows <paramref name="title"/>, once it is on screen.</summary>
    public async Task<Guid> CardTitledAsync(string title)
    {
        var card = Page.Locator($"[data-testid^='{TestIds.SessionCardPrefix}']").Filter(new() { HasText = title });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        var testId = await card.GetAttributeAsync("data-testid");
        return Guid.Parse(testId![TestIds.SessionCardPrefix.Length..]);
    }

    public async Task GotoAsync()
    {
        await Page.GotoAsync(Path);
        await WaitUntilInteractiveAsync();
    }

    public async Task StartAsync(Guid sessionId)
    {
        await Assertions.Expect(StartButton(sessionId)).ToBeEnabledAsync();
        await StartButton(sessionId).ClickAsync();
    }

    /// <summary>
    /// Fills the Schedule dialog for the first class it offers, at a time on the educator's wall clock; the dialog stays
    /// open until <see cref="SubmitSessionFormAsync"/>.
    /// </summary>
    public async Task FillScheduleDialogAsync(string title, DateTime localStart)
    {
        await Page.GetByTestId(TestIds.ScheduleSession).ClickAsync();
        await EnterAsync(Page.GetByTestId(TestIds.SessionFormTitle), title);
        await EnterAsync(Page.GetByTestId(TestIds.SessionFormDate), localStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await EnterAsync(Page.GetByTestId(TestIds.SessionFormTime), localStart.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    public async Task SubmitSessionFormAsync()
    {
        var submit = Page.GetByTestId(TestIds.SessionFormSubmit);
        await submit.ClickAsync();
        await Assertions.Expect(submit).ToHaveCountAsync(0); // saved: the dialog closed
    }

    /// <summary>Opens a scheduled session's Cancel dialog from its card and gives a reason; <see cref="ConfirmCancelAsync"/> confirms.</summary>
    public async Task FillCancelDialogAsync(Guid sessionId, string reason)
    {
        await Page.GetByTestId(TestIds.CancelSession(sessionId)).ClickAsync();
        await EnterAsync(Page.GetByTestId(TestIds.CancelReason), reason);
    }

    public async Task ConfirmCancelAsync()
    {
        await Page.GetByTestId(TestIds.ConfirmCancel).ClickAsync();
    }

    /// <summary>Types into a field and leaves it: the app reads a field's value when it changes, on leaving it.</summary>
    private static async Task EnterAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }
}
