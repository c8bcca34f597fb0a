using System.Globalization;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using Sessions.Web.Components.Common;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// The journeys of issue #16 with the keyboard only: no clicks, and text typed only into the field that Tab reached.
/// Focus is asserted at each step, so a control that Tab skips or a dialog that loses focus fails here.
/// </summary>
[Collection(KeyboardAppGroup.Name)]
public sealed class KeyboardJourneyTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string StudentLanding = "/student";

    [Fact]
    public async Task An_educator_signs_in_schedules_starts_and_ends_a_session_and_a_student_joins_it_with_the_keyboard_only()
    {
        // A session of its own, booked in this test a few minutes ahead: inside the start window (5 minutes early).
        var title = $"Keyboard only {Guid.NewGuid().ToString("N")[..6]}";
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddMinutes(3), SeededData.TimeZone);

        var educatorTab = await NewPageAsync();
        var educator = new KeyboardUser(educatorTab);
        await SignInWithKeyboardAsync(educatorTab, educator, SeededData.Teacher, EducatorSessionsPage.Path);
        var sessions = new EducatorSessionsPage(educatorTab);
        await sessions.WaitUntilInteractiveAsync();

        // Schedule: the button by Tab, the dialog's fields in order, the date and time typed.
        var schedule = educatorTab.GetByTestId(TestIds.ScheduleSession);
        await educator.MoveFocusToAsync(schedule);
        await educator.PressAsync("Enter");
        var dialog = educatorTab.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await educator.ExpectFocusedAsync(educatorTab.GetByTestId(TestIds.SessionFormClass)); // the dialog's first field
        await educator.PressAndExpectFocusAsync("Tab", educatorTab.GetByTestId(TestIds.SessionFormTitle));
        await educator.ReplaceTextAsync(title);
        await educator.PressAndExpectFocusAsync("Tab", educatorTab.GetByTestId(TestIds.SessionFormDescription));
        await educator.PressAndExpectFocusAsync("Tab", educatorTab.GetByTestId(TestIds.SessionFormDate));
        await educator.ReplaceTextAsync(localStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await educator.MoveFocusToAsync(educatorTab.GetByTestId(TestIds.SessionFormTime), mostPresses: 3);
        await educator.ReplaceTextAsync(localStart.ToString("HH:mm", CultureInfo.InvariantCulture));
        await educator.MoveFocusToAsync(educatorTab.GetByTestId(TestIds.SessionFormSubmit), mostPresses: 20);
        await Screenshot(educatorTab, "schedule-dialog-by-keyboard");
        await educator.PressAsync("Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        await educator.ExpectFocusedAsync(schedule); // back where the dialog was opened from

        // Start: the new card's Start button by Tab; once started, Enter room is the next stop.
        var booked = await sessions.CardTitledAsync(title);
        await Expect(sessions.Status(booked)).ToHaveTextAsync("Ready"); // inside its start window
        await educator.MoveFocusToAsync(sessions.StartButton(booked));
        await educator.PressAsync("Enter");
        await Expect(sessions.Status(booked)).ToHaveTextAsync("Live");
        // The start's live event reloads the page and moves the card under "Live now" (a new card): focus follows it.
        var liveNow = educatorTab.Locator("h2:text-is('Live now') + .session-grid");
        await Expect(liveNow.Locator(sessions.Card(booked))).ToBeVisibleAsync();
        await educator.ExpectFocusedAsync(sessions.EnterRoom(booked));
        await educator.PressAsync("Enter");
        var educatorRoom = new VideoRoomPage(educatorTab);
        await educatorTab.WaitForURLAsync(url => new Uri(url).AbsolutePath == VideoRoomPage.PathOf(booked));
        await educatorRoom.WaitUntilInteractiveAsync();
        await educatorRoom.WaitUntilInRoomAsync("Ms. Rivera");

        // The student: signs in, opens the class, joins from the join card.
        var studentTab = await NewPageAsync();
        var student = new KeyboardUser(studentTab);
        await SignInWithKeyboardAsync(studentTab, student, SeededData.Student(1), StudentLanding);
        var algebra = await Seed.SessionAsync(SeededData.Teacher, title);
        await new StudentClassesPage(studentTab).WaitUntilInteractiveAsync();
        await student.MoveFocusToAsync(studentTab.GetByTestId(TestIds.OpenClass(algebra.ClassId)));
        await student.PressAsync("Enter");
        await studentTab.WaitForURLAsync(url => new Uri(url).AbsolutePath == ClassPage.PathOf(algebra.ClassId));
        var classPage = new ClassPage(studentTab);
        // Once live: the circuit's first render replaces the prerendered page, and the focus with it.
        await Expect(classPage.LiveUpdates).ToBeVisibleAsync();
        var join = classPage.JoinButton(booked);
        await student.MoveFocusToAsync(join);
        await Screenshot(studentTab, "join-focused-by-keyboard");
        await student.PressAsync("Enter");
        var studentRoom = new VideoRoomPage(studentTab);
        await studentTab.WaitForURLAsync(url => new Uri(url).AbsolutePath == VideoRoomPage.PathOf(booked));
        await studentRoom.WaitUntilInRoomAsync("Student 1");

        // The educator's screen reader hears who came in.
        await Expect(educatorTab.GetByTestId(TestIds.RoomAnnouncer)).ToHaveTextAsync("Student 1 joined the room.");

        // End: the room's End session by Tab, confirmed in its dialog by Tab and Enter.
        await educator.MoveFocusToAsync(educatorRoom.EndSession);
        await educator.PressAsync("Enter");
        await Expect(educatorRoom.ConfirmEnd).ToBeVisibleAsync();
        await educator.MoveFocusToAsync(educatorRoom.ConfirmEnd, mostPresses: 5);
        await educator.PressAsync("Enter");
        await Expect(educatorRoom.Ended).ToBeVisibleAsync();
        Assert.Equal("completed", await Seed.StatusAsync(SeededData.Teacher, booked));

        // The student's room closes, and says so to a screen reader.
        await Expect(studentRoom.Ended).ToBeVisibleAsync();
        await Expect(studentTab.GetByTestId(TestIds.RoomAnnouncer)).ToHaveTextAsync("The session has ended.");
        await Screenshot(studentTab, "student-room-ended-announced");
    }

    [Fact]
    public async Task The_schedule_dialogs_date_and_time_pickers_open_choose_and_close_from_the_keyboard()
    {
        var page = await SignInAsync(SeededData.Teacher2, EducatorSessionsPage.Path);
        await new EducatorSessionsPage(page).WaitUntilInteractiveAsync();
        var user = new KeyboardUser(page);
        var schedule = page.GetByTestId(TestIds.ScheduleSession);
        await user.MoveFocusToAsync(schedule);
        await user.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await user.ExpectFocusedAsync(page.GetByTestId(TestIds.SessionFormClass));
        // An open picker's pop-up (MudBlazor's popover; tooltips are popovers too).
        var popUp = page.Locator(".mud-popover-open:not(.mud-tooltip)");

        // Date: Enter opens the calendar with focus kept in the field; the arrows move the day (Down: a week later), Enter
        // chooses it and closes the calendar; Escape closes it again without a change.
        // The input: a picker gives its test id to its pop-up too.
        var date = page.Locator($"input[data-testid='{TestIds.SessionFormDate}']");
        await user.MoveFocusToAsync(date, mostPresses: 5);
        var day = DateOnly.ParseExact(await date.InputValueAsync(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var weekLater = day.AddDays(7);
        await user.PressAsync("Enter");
        await Expect(popUp.Locator(".mud-picker-calendar-day.mud-selected")).ToHaveTextAsync(day.Day.ToString(CultureInfo.InvariantCulture));
        await user.ExpectFocusedAsync(date);
        // The calendar hears the arrows once the server has rendered it open, a round trip after Enter.
        await Repeat.UntilAsync(() => user.PressAsync("ArrowDown"), timeout => Expect(popUp.Locator(".mud-picker-calendar-day.mud-selected"))
            .ToHaveTextAsync(weekLater.Day.ToString(CultureInfo.InvariantCulture), new() { Timeout = timeout }));
        await Screenshot(page, "date-picker-by-keyboard");
        await user.PressAsync("Enter");
        await Expect(popUp).ToHaveCountAsync(0);
        await Expect(date).ToHaveValueAsync(weekLater.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await user.ExpectFocusedAsync(date);
        await user.PressAsync("Enter");
        await Expect(popUp).ToHaveCountAsync(1);
        await user.PressAsync("ArrowDown");
        await user.PressAsync("Escape");
        await Expect(popUp).ToHaveCountAsync(0);
        await Expect(dialog).ToBeVisibleAsync(); // Escape closed the calendar only
        await Expect(date).ToHaveValueAsync(weekLater.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await user.ExpectFocusedAsync(date);

        // Time: the same with the clock; Up is an hour later.
        var time = page.Locator($"input[data-testid='{TestIds.SessionFormTime}']");
        await user.PressAndExpectFocusAsync("Tab", time);
        var hour = TimeOnly.ParseExact(await time.InputValueAsync(), "HH:mm", CultureInfo.InvariantCulture);
        await user.PressAsync("Enter");
        await Expect(popUp).ToHaveCountAsync(1);
        await user.ExpectFocusedAsync(time);
        await user.PressAsync("ArrowUp");
        await Screenshot(page, "time-picker-by-keyboard");
        await user.PressAsync("Enter");
        await Expect(popUp).ToHaveCountAsync(0);
        await Expect(time).ToHaveValueAsync(hour.AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture));
        await user.ExpectFocusedAsync(time);
        await user.PressAsync("Enter");
        await Expect(popUp).ToHaveCountAsync(1);
        await user.PressAsync("ArrowUp");
        await user.PressAsync("Escape");
        await Expect(popUp).ToHaveCountAsync(0);
        await Expect(time).ToHaveValueAsync(hour.AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture));
        await user.ExpectFocusedAsync(time);

        // A second Escape closes the dialog, unsaved, and focus goes back to Schedule session.
        await user.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await user.ExpectFocusedAsync(schedule);
    }

    [Fact]
    public async Task An_educator_ends_a_live_session_from_its_card_with_the_keyboard_only()
    {
        // Mr. Okafor's seeded session, live before he signs in; the other tests of this app use Ms. Rivera's. His class is
        // empty in the seed, and a session starts with a student enrolled.
        var periodicTable = await Seed.SessionAsync(SeededData.Teacher2, "The periodic table");
        await Seed.EnrolAsync(SeededData.Teacher2, periodicTable.ClassId, SeededData.Student(12));
        await Seed.StartAsync(SeededData.Teacher2, periodicTable.Id);
        var page = await NewPageAsync();
        var user = new KeyboardUser(page);
        await SignInWithKeyboardAsync(page, user, SeededData.Teacher2, EducatorSessionsPage.Path);
        var sessions = new EducatorSessionsPage(page);
        await sessions.WaitUntilInteractiveAsync();
        await Expect(sessions.Status(periodicTable.Id)).ToHaveTextAsync("Live");

        // End on the card by Tab; the question takes focus (its first button, Keep it going), Tab to End, Enter.
        var end = page.GetByTestId(TestIds.EndSession(periodicTable.Id));
        await user.MoveFocusToAsync(end);
        await user.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("button:focus")).ToHaveCountAsync(1);
        var confirm = page.GetByTestId(TestIds.ConfirmEnd);
        await user.MoveFocusToAsync(confirm, mostPresses: 3);
        await Screenshot(page, "end-dialog-by-keyboard");
        await user.PressAsync("Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(sessions.Status(periodicTable.Id)).ToHaveTextAsync("Ended");
        Assert.Equal("completed", await Seed.StatusAsync(SeededData.Teacher2, periodicTable.Id));
        // The End button is gone with the live card: focus goes to what the ended card offers next, its attendance.
        await user.ExpectFocusedAsync(page.GetByTestId(TestIds.SessionAttendance(periodicTable.Id)));
    }

    /// <summary>
    /// The sign-in form from the keyboard: focus starts in the email field; Tab to the password, Tab to the button, Enter.
    /// </summary>
    private static async Task SignInWithKeyboardAsync(IPage page, KeyboardUser user, string email, string landingPath)
    {
        await page.GotoAsync(LoginPage.Path);
        var login = new LoginPage(page);
        await user.ExpectFocusedAsync(login.Email);
        await page.Keyboard.TypeAsync(email);
        await user.PressAndExpectFocusAsync("Tab", login.Password);
        await page.Keyboard.TypeAsync(SeededData.Password);
        await user.PressAndExpectFocusAsync("Tab", login.Submit);
        await user.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landingPath);
    }
}
