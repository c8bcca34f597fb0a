using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/sessions/{id}/room</c>: the live room, its video (Agora) and who is in it.</summary>
public sealed class VideoRoomPage(IPage page) : BlazorPage(page)
{
    public static string PathOf(Guid sessionId) => $"/sessions/{sessionId}/room";

    public ILocator Title => Page.GetByTestId(TestIds.RoomTitle);

    /// <summary>In the video error's Details, which <see cref="OpenDetailsAsync"/> opens.</summary>
    public ILocator SdkVersion => Page.GetByTestId(TestIds.SdkVersion);

    public ILocator DetailsToggle => Page.GetByTestId(TestIds.VideoDetailsToggle);

    /// <summary>The microphone's or camera's state in words, under the controls (<c>microphone</c>, <c>camera</c>).</summary>
    public ILocator DeviceState(string device) => Page.GetByTestId(TestIds.RoomDeviceState(device));

    public ILocator VideoError => Page.GetByTestId(TestIds.VideoError);

    public ILocator Retry => Page.GetByTestId(TestIds.VideoRetry);

    public ILocator Waiting => Page.GetByTestId(TestIds.RoomWaiting);

    public ILocator LiveUpdates => Page.GetByTestId(TestIds.LiveUpdates);

    public ILocator Ended => Page.GetByTestId(TestIds.SessionEnded);

    public ILocator Elapsed => Page.GetByTestId(TestIds.RoomElapsed);

    public ILocator Participants => Page.GetByTestId(TestIds.RoomParticipants);

    public ILocator Microphone => Page.GetByTestId(TestIds.RoomMicrophone);

    public ILocator Camera => Page.GetByTestId(TestIds.RoomCamera);

    public ILocator EndSession => Page.GetByTestId(TestIds.RoomEndSession);

    /// <summary>Leaves the room (and closes the caller's stay in it) for the home page.</summary>
    public ILocator Leave => Page.GetByTestId(TestIds.RoomLeave);

    public ILocator Forbidden => Page.GetByTestId(TestIds.Forbidden);

    /// <summary>On the closed room of a completed session, for its educator.</summary>
    public ILocator Attendance => Page.GetByTestId(TestIds.RoomAttendance);

    /// <summary>Someone in the participant list, by display name.</summary>
    public ILocator Participant(string displayName) => Participants.GetByText(displayName);

    /// <summary>Opens the room and waits for its circuit. Returns the HTTP status of the document.</summary>
    public async Task<int> GotoAsync(Guid sessionId)
    {
        var response = await Page.GotoAsync(PathOf(sessionId));
        await WaitUntilInteractiveAsync();
        return response?.Status ?? 0;
    }

    /// <summary>In the room once the participant list holds the caller: attendance is open and live events arrive.</summary>
    public async Task WaitUntilInRoomAsync(string displayName)
    {
        await Assertions.Expect(Participant(displayName)).ToBeVisibleAsync();
    }

    /// <summary>Opens the video error's technical details (the SDK's code, message and version).</summary>
    public async Task OpenDetailsAsync()
    {
        await DetailsToggle.ClickAsync();
        await Assertions.Expect(DetailsToggle).ToHaveAttributeAsync("aria-expanded", "true");
    }

    public ILocator ConfirmEnd => Page.GetByTestId(TestIds.ConfirmEnd);

    /// <summary>Asks to end the session; <see cref="ConfirmEnd"/> is in the dialog that opens.</summary>
    public async Task OpenEndDialogAsync()
    {
        await EndSession.ClickAsync();
        await Assertions.Expect(ConfirmEnd).ToBeVisibleAsync();
    }
}
