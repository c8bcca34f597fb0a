using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/classes/{id}</c>: a student's class: a live session shows up as a join card, and the upcoming list follows bookings.</summary>
public sealed class ClassPage(IPage page)
{
    private IPage Page { get; } = page;

    public static string PathOf(int classId) => $"/classes/{classId}";

    public ILocator JoinCard(Guid sessionId) => Page.GetByTestId(TestIds.JoinCard(sessionId));

    public ILocator JoinButton(Guid sessionId) => Page.GetByTestId(TestIds.JoinSession(sessionId));

    public ILocator UpcomingSession(Guid sessionId) => Page.GetByTestId(TestIds.UpcomingSession(sessionId));

    /// <summary>"Cancelled" on a cancelled session of the upcoming list; absent on a scheduled one.</summary>
    public ILocator UpcomingStatus(Guid sessionId) => Page.GetByTestId(TestIds.UpcomingStatus(sessionId));

    public ILocator UpcomingReason(Guid sessionId) => Page.GetByTestId(TestIds.UpcomingReason(sessionId));

    public ILocator Forbidden => Page.GetByTestId(TestIds.Forbidden);

    public ILocator LiveUpdates => Page.GetByTestId(TestIds.LiveUpdates);

    /// <summary>
    /// Opens the class page and waits until its live part is connected and listens for live sessions (or the page refuses
    /// the visitor). Returns the HTTP status of the document.
    /// </summary>
    public async Task<int> GotoAsync(int classId)
    {
        var response = await Page.GotoAsync(PathOf(classId));
        await Assertions.Expect(LiveUpdates.Or(Forbidden)).ToBeVisibleAsync();
        return response?.Status ?? 0;
    }
}
