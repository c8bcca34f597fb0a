using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using Sessions.Web.Components.Common;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// A browser set to Arabic (<c>Accept-Language: ar</c>): the educator signs in, sees the dashboard right to left with an
/// Arabic date on the card and starts the session; the class's student sees the join card and the room in Arabic. axe checks each
/// page in Arabic, and a screenshot of each is kept.
/// </summary>
[Collection(ArabicAppGroup.Name)]
public sealed class ArabicJourneyTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string Arabic = "ar";
    private const string StudentLanding = "/student";

    [Fact]
    public async Task An_Arabic_educator_and_student_get_the_portal_in_Arabic_right_to_left()
    {
        var session = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");

        var educatorTab = await NewPageAsync(Arabic);
        await educatorTab.GotoAsync(LoginPage.Path);
        await ExpectArabicAsync(educatorTab);
        await Expect(educatorTab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("تسجيل الدخول");
        await Screenshot(educatorTab, "login");
        await AxeAsync(educatorTab, "login");
        await new LoginPage(educatorTab).SignInAsync(SeededData.Teacher, SeededData.Password, EducatorSessionsPage.Path);

        var educator = new EducatorSessionsPage(educatorTab);
        await educator.WaitUntilInteractiveAsync();
        await ExpectArabicAsync(educatorTab);
        await Expect(educatorTab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("حصصي");
        await Expect(educator.Status(session.Id)).ToHaveTextAsync("جاهزة للبدء");
        await Expect(educator.Card(session.Id)).ToContainTextAsync(ArabicDate());
        await Expect(educator.StartButton(session.Id)).ToHaveTextAsync("ابدأ");
        await educator.StartAsync(session.Id);
        await Expect(educator.Status(session.Id)).ToHaveTextAsync("مباشرة");
        await Expect(educator.EnterRoom(session.Id)).ToHaveTextAsync("دخول الغرفة");
        await Screenshot(educatorTab, "dashboard-with-live-card");
        await AxeAsync(educatorTab, "dashboard-with-live-card");

        var studentTab = await SignInAsync(SeededData.Student(1), SeededData.Password, StudentLanding, Arabic);
        await ExpectArabicAsync(studentTab);
        await Expect(studentTab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("صفوفي");
        await Expect(studentTab.GetByTestId(TestIds.OpenClass(session.ClassId))).ToHaveTextAsync("فتح الصف");
        await Screenshot(studentTab, "student-classes");
        await AxeAsync(studentTab, "student-classes");

        var student = new ClassPage(studentTab);
        Assert.Equal(200, await student.GotoAsync(session.ClassId));
        await ExpectArabicAsync(studentTab);
        await Expect(student.JoinCard(session.Id)).ToContainTextAsync("مباشرة الآن");
        await Expect(student.JoinCard(session.Id)).ToContainTextAsync(ArabicDate());
        await Expect(student.JoinButton(session.Id)).ToHaveTextAsync("انضم إلى الحصة");
        await Expect(student.LiveUpdates).ToHaveTextAsync("التحديث المباشر مُفعَّل", new() { UseInnerText = true }); // as shown: the "reconnecting" text is there, hidden
        await Screenshot(studentTab, "class-page-with-join-card");
        await AxeAsync(studentTab, "class-page-with-join-card");

        await student.JoinButton(session.Id).ClickAsync();
        var room = new VideoRoomPage(studentTab);
        await room.WaitUntilInRoomAsync("Student 1");
        await ExpectArabicAsync(studentTab);
        await Expect(studentTab.GetByTestId(TestIds.RoomLeave)).ToHaveTextAsync("مغادرة");
        await Expect(studentTab.GetByRole(AriaRole.Heading, new() { Name = "في الغرفة", Exact = false })).ToBeVisibleAsync();
        await Screenshot(studentTab, "student-room");
        await AxeAsync(studentTab, "student-room");

        // The switch in the app bar: English, reloaded left to right on the same page, and the choice outlives the browser's language.
        await student.GotoAsync(session.ClassId);
        await studentTab.GetByTestId(TestIds.Language("en")).ClickAsync();
        await Expect(studentTab.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(studentTab.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        Assert.Equal(ClassPage.PathOf(session.ClassId), new Uri(studentTab.Url).AbsolutePath);
        await Expect(student.JoinButton(session.Id)).ToHaveTextAsync("Join session");
        await Expect(studentTab.GetByTestId(TestIds.Language("en"))).ToHaveAttributeAsync("aria-pressed", "true");
    }

    /// <summary><c>&lt;html lang="ar" dir="rtl"&gt;</c>, and MudBlazor's layout mirrored.</summary>
    private static async Task ExpectArabicAsync(IPage page)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", Arabic);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator(".mud-application-layout-rtl")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId(TestIds.Language(Arabic))).ToHaveAttributeAsync("aria-pressed", "true");
    }

    /// <summary>An Arabic month name followed by "،" and a time in Arabic-Indic digits, such as "١ ديسمبر، ٢:٠٥ م".</summary>
    private static Regex ArabicDate()
    {
        var months = string.Join('|', CultureInfo.GetCultureInfo(Arabic).DateTimeFormat.MonthNames.Where(name => name.Length > 0));
        return new Regex($"[٠-٩]+ ({months})، [٠-٩]+:[٠-٩]{{2}} (ص|م)");
    }
}
