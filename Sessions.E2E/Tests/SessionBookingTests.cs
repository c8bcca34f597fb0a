using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>An educator books a session and cancels another; a student's open class page follows both without a reload.</summary>
[Collection(LiveAppGroup.Name)]
public sealed class SessionBookingTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string StudentLanding = "/student";

    /// <summary>A window variable that a reload or a full navigation would wipe.</summary>
    private const string NoReloadMarker = "window.__noReload";

    [Fact]
    public async Task A_booking_and_a_cancellation_reach_an_open_class_page_live()
    {
        // Graphing lines is Algebra's session later today, which no other test touches.
        var graphingLines = await Seed.SessionAsync(SeededData.Teacher, "Graphing lines");

        var studentTab = await SignInAsync(SeededData.Student(2), StudentLanding);
        var student = new ClassPage(studentTab);
        Assert.Equal(200, await student.GotoAsync(graphingLines.ClassId));
        await Expect(student.UpcomingSession(graphingLines.Id)).ToBeVisibleAsync();
        await Expect(student.UpcomingStatus(graphingLines.Id)).ToHaveCountAsync(0);
        await studentTab.EvaluateAsync($"() => {{ {NoReloadMarker} = true; }}");

        var educatorTab = await SignInAsync(SeededData.Teacher, EducatorSessionsPage.Path);
        var educator = new EducatorSessionsPage(educatorTab);
        await educator.WaitUntilInteractiveAsync();

        var title = $"Quadratics review {Guid.NewGuid().ToString("N")[..6]}";
        var inTenMinutes = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddMinutes(10), SeededData.TimeZone);
        await educator.FillScheduleDialogAsync(title, inTenMinutes);
        await Screenshot(educatorTab, "educator-schedules-a-session");
        await AxeAsync(educatorTab, "schedule-dialog");
        await educator.SubmitSessionFormAsync();

        var booked = await Seed.SessionAsync(SeededData.Teacher, title);
        Assert.Equal(graphingLines.ClassId, booked.ClassId); // Algebra I, the first class the dialog offers
        await Expect(educator.Status(booked.Id)).ToHaveTextAsync("Scheduled");
        await Expect(student.UpcomingSession(booked.Id)).ToContainTextAsync(title);
        await Expect(student.UpcomingSession(booked.Id)).ToContainTextAsync(inTenMinutes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await Screenshot(studentTab, "student-sees-the-new-session");

        await educator.FillCancelDialogAsync(graphingLines.Id, "Ms. Rivera is at a conference");
        await AxeAsync(educatorTab, "cancel-dialog");
        await educator.ConfirmCancelAsync();

        await Expect(educator.Status(graphingLines.Id)).ToHaveTextAsync("Cancelled");
        await Expect(educator.CancelReason(graphingLines.Id)).ToHaveTextAsync("Reason: Ms. Rivera is at a conference");
        await Screenshot(educatorTab, "educator-booked-one-and-cancelled-another");
        await AxeAsync(educatorTab, "dashboard-with-cancelled-card");

        await Expect(student.UpcomingStatus(graphingLines.Id)).ToHaveTextAsync("Cancelled");
        await Expect(student.UpcomingReason(graphingLines.Id)).ToHaveTextAsync("Ms. Rivera is at a conference");
        await Expect(student.UpcomingSession(booked.Id)).ToBeVisibleAsync();
        Assert.True(await studentTab.EvaluateAsync<bool>($"() => {NoReloadMarker} === true"),
            "The class page was reloaded: the booking and the cancellation should have arrived live.");
        Assert.Equal("cancelled", await Seed.StatusAsync(SeededData.Teacher, graphingLines.Id));
        await Screenshot(studentTab, "student-sees-the-cancellation");
        await AxeAsync(studentTab, "class-page-with-cancelled-session");
    }
}
