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
}
