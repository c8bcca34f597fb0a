using System.Text.Json;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using Sessions.Web.Components.Common;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// The live room in real Chromium: the Agora Web SDK served from wwwroot/lib, the join failing cleanly (this machine has no
/// internet and the demo App ID is not a real project), the participant list and the end of a session, live for everyone.
/// </summary>
[Collection(VideoRoomAppGroup.Name)]
public sealed class VideoRoomTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string StudentLanding = "/student";
    private const string Teacher = "Ms. Rivera";

    /// <summary>The room gives up on an unreachable video service after 15 s; the banner comes then.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions AfterJoinTimeout = new() { Timeout = 45_000 };


    [Fact]
    public async Task Educator_and_students_meet_in_the_room_and_the_end_closes_it_for_everyone()
    {
        var linearEquations = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");

        // Student 2 opens the room before the start and waits there.
        var student2Tab = await SignInAsync(SeededData.Student(2), StudentLanding);
        var student2 = new VideoRoomPage(student2Tab);
        Assert.Equal(200, await student2.GotoAsync(linearEquations.Id));
        await Expect(student2.Waiting).ToContainTextAsync("Waiting for your teacher");
        await Expect(student2.LiveUpdates).ToBeVisibleAsync();
        await Screenshot(student2Tab, "student2-waiting-for-teacher");
        await AxeAsync(student2Tab, "student-room-waiting");

        // Student 1 watches the class page for the join card.
        var student1Tab = await SignInAsync(SeededData.Student(1), StudentLanding);
        var student1Class = new ClassPage(student1Tab);
        await student1Class.GotoAsync(linearEquations.ClassId);

        // The educator starts the session and enters the room.
        var educatorTab = await SignInAsync(SeededData.Teacher, EducatorSessionsPage.Path);
        var dashboard = new EducatorSessionsPage(educatorTab);
        await dashboard.WaitUntilInteractiveAsync();
        await dashboard.StartAsync(linearEquations.Id);
        await dashboard.EnterRoom(linearEquations.Id).ClickAsync();
        var educator = new VideoRoomPage(educatorTab);
        await Expect(educator.Title).ToHaveTextAsync("Linear equations");
        await educator.WaitUntilInRoomAsync(Teacher);
        await Expect(educator.Elapsed).ToContainTextAsync("Live for");

        var bundle = await educatorTab.APIRequest.GetAsync("/lib/agora-rtc-sdk-ng/AgoraRTC_N-production.js");
        Assert.Equal(200, bundle.Status);

        // No Agora here: the join fails with a banner that says, for a teacher, what failed and what to do, and the rest
        // of the room keeps working; the devices say why they cannot be used.
        await Expect(educator.VideoError).ToBeVisibleAsync(AfterJoinTimeout);
        await Expect(educator.VideoError).ToContainTextAsync("You could not join the video. Check your internet connection, then try again.");
        await Expect(educator.VideoError).ToContainTextAsync("try another browser");
        await Expect(educator.Retry).ToBeEnabledAsync();
        await Expect(educator.EndSession).ToBeEnabledAsync();
        await Expect(educator.DeviceState("microphone")).ToContainTextAsync("Microphone unavailable: the video is not connected");
        await Expect(educator.SdkVersion).ToBeHiddenAsync();
        await Screenshot(educatorTab, "educator-room-video-failed");
        await AxeAsync(educatorTab, "educator-room");

        // The SDK bundle copied from npm at build is served and runs: the pinned version is in the error's Details.
        await educator.OpenDetailsAsync();
        await Expect(educator.SdkVersion).ToHaveTextAsync($"Agora Web SDK {PinnedSdkVersion()}");
        await Expect(educatorTab.GetByTestId(TestIds.VideoDetails)).ToContainTextAsync("JOIN_TIMEOUT");
        await AxeAsync(educatorTab, "educator-room-video-details");

        // Student 2 entered on the start, with no reload, and shows up in the educator's list.
        await Expect(student2.Waiting).ToHaveCountAsync(0);
        await student2.WaitUntilInRoomAsync("Student 2");
        await Expect(educator.Participant("Student 2")).ToBeVisibleAsync();

        // Student 1 joins from the join card and appears in the educator's list live.
        await Expect(student1Class.JoinButton(linearEquations.Id)).ToBeVisibleAsync();
        await student1Class.JoinButton(linearEquations.Id).ClickAsync();
        var student1 = new VideoRoomPage(student1Tab);
        await student1.WaitUntilInRoomAsync("Student 1");
        await Expect(student1.VideoError).ToContainTextAsync("try another browser or tell your teacher", new() { Timeout = AfterJoinTimeout.Timeout });
        await Expect(educator.Participant("Student 1")).ToBeVisibleAsync();
        await Screenshot(educatorTab, "educator-sees-students-in-room");
        await AxeAsync(educatorTab, "educator-room-with-students");
        await AxeAsync(student1Tab, "student-room");

        // The educator ends the session: the room closes for everyone.
        await educator.OpenEndDialogAsync();
        await AxeAsync(educatorTab, "end-dialog");
        await educator.ConfirmEnd.ClickAsync();
        await Expect(educator.Ended).ToContainTextAsync("Session ended");
        await Expect(student1.Ended).ToContainTextAsync("Session ended");
        await Expect(student2.Ended).ToContainTextAsync("Session ended");
        await Expect(student1.Microphone).ToHaveCountAsync(0);
        Assert.Equal("completed", await Seed.StatusAsync(SeededData.Teacher, linearEquations.Id));
        await Screenshot(student1Tab, "student1-session-ended");
        await AxeAsync(student1Tab, "student-room-ended");

        // The educator goes on from the closed room to who attended.
        await educator.Attendance.ClickAsync();
        await Expect(educatorTab.GetByTestId(TestIds.AttendanceSummary)).ToContainTextAsync("students attended");
        await Screenshot(educatorTab, "educator-attendance");
        await AxeAsync(educatorTab, "attendance");

        // ... and from there to what happened in it, in order.
        await educatorTab.GetByTestId(TestIds.ActivityLogLink).ClickAsync();
        var timeline = educatorTab.GetByTestId(TestIds.ActivityTimeline);
        await Expect(timeline).ToContainTextAsync("Session started");
        await Expect(timeline).ToContainTextAsync("Joined the room");
        await Expect(timeline).ToContainTextAsync("Session ended");
        await Screenshot(educatorTab, "educator-activity-log");
        await AxeAsync(educatorTab, "activity-log");
    }

    [Fact]
    public async Task A_student_of_another_class_gets_the_403_page()
    {
        var linearEquations = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");
        var student9Tab = await SignInAsync(SeededData.Student(9), StudentLanding);
        var student9 = new VideoRoomPage(student9Tab);

        Assert.Equal(403, await student9.GotoAsync(linearEquations.Id));

        await Expect(student9.Forbidden).ToBeVisibleAsync();
        await Expect(student9.Title).ToHaveCountAsync(0);
        await Expect(student9.SdkVersion).ToHaveCountAsync(0);
        await Screenshot(student9Tab, "student9-room-forbidden");
        await AxeAsync(student9Tab, "room-forbidden");
    }

    /// <summary>The version pinned in Sessions.Web/package.json, e.g. <c>4.24.8</c>.</summary>
    private static string PinnedSdkVersion()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(LiveServerFixture.FindRepositoryRoot(), "Sessions.Web", "package.json")));
        return manifest.RootElement.GetProperty("dependencies").GetProperty("agora-rtc-sdk-ng").GetString()!;
    }
}
