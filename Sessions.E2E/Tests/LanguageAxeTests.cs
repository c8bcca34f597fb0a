using System.Text;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using Sessions.Web.Components.Common;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// axe on the pages and dialogs the journeys visit in English only, once per language of the app (the browser's
/// <c>Accept-Language</c>): the sign-in error, the administration pages (overview, accounts, classes, audit, import preview
/// and result), the dashboard's Schedule, Cancel, Start now and End dialogs, attendance, the roster (also with a refused
/// email), the account page (also with a refused password), and the 403 and 404 pages. Each state is checked as
/// "<c>{language}.{state}</c>" in <c>axe-report.tsv</c>, with the page's <c>lang</c> and <c>dir</c> asserted first.
/// </summary>
[Collection(ArabicAppGroup.Name)]
public sealed class LanguageAxeTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    public static TheoryData<string> Languages => ["en", "ar"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_administration_pages_pass_axe(string language)
    {
        var page = await SignInAsync(SeededData.Admin, SeededData.Password, "/admin", Locale(language));
        var tour = new Tour(this, page, language);
        await tour.AxeAsync("admin-overview", page.GetByRole(AriaRole.Heading, new() { Level = 1 }));
        await tour.GotoAsync("/admin/users", "admin-users", page.GetByTestId(TestIds.UsersTable).Locator("tbody tr").First);
        await tour.GotoAsync("/admin/classes", "admin-classes", page.GetByTestId(TestIds.ClassesTable).Locator("tbody tr").First);
        await tour.GotoAsync("/admin/audit", "admin-audit", page.GetByTestId(TestIds.AuditTable).Locator("tbody tr").First);

        var import = new AdminImportPage(page);
        await tour.GotoAsync(AdminImportPage.Path, "admin-import", page.GetByTestId(TestIds.ImportFile));
        await import.UploadAsync("roster.csv", Roster(language));
        await tour.AxeAsync("import-preview", import.PreviewRows.Nth(1));
        await import.ApplyAsync();
        await tour.AxeAsync("import-result", import.Result);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_dashboard_dialogs_attendance_the_roster_and_the_account_page_pass_axe(string language)
    {
        // Mr. Okafor's seeded "The periodic table" gets its Cancel dialog opened and closed; a session started now is ended.
        var periodicTable = await Seed.SessionAsync(SeededData.Teacher2, "The periodic table");
        await Seed.EnrolAsync(SeededData.Teacher2, periodicTable.ClassId, SeededData.Student(12)); // a session starts with a student
        var page = await SignInAsync(SeededData.Teacher2, SeededData.Password, EducatorSessionsPage.Path, Locale(language));
        var dashboard = new EducatorSessionsPage(page);
        await dashboard.WaitUntilInteractiveAsync();
        var tour = new Tour(this, page, language);
        var dialog = page.GetByRole(AriaRole.Dialog);

        await page.GetByTestId(TestIds.ScheduleSession).ClickAsync();
        await tour.AxeAsync("schedule-dialog", page.GetByTestId(TestIds.SessionFormTitle));
        await tour.CloseDialogAsync(dialog);

        await page.GetByTestId(TestIds.CancelSession(periodicTable.Id)).ClickAsync();
        await tour.AxeAsync("cancel-dialog", page.GetByTestId(TestIds.CancelReason));
        await tour.CloseDialogAsync(dialog);

        var title = $"Axe tour {language}";
        await page.GetByTestId(TestIds.StartInstantSession).ClickAsync();
        await tour.AxeAsync("start-now-dialog", page.GetByTestId(TestIds.SessionFormTitle));
        await page.GetByTestId(TestIds.SessionFormTitle).FillAsync(title);
        await page.GetByTestId(TestIds.SessionFormTitle).PressAsync("Tab");
        await dashboard.SubmitSessionFormAsync();
        var live = await dashboard.CardTitledAsync(title);
        await page.GotoAsync(EducatorSessionsPage.Path); // the dashboard, not the room the start may have opened
        await dashboard.WaitUntilInteractiveAsync();
        await tour.AxeAsync("dashboard-with-live-card", page.GetByTestId(TestIds.EndSession(live)));

        await page.GetByTestId(TestIds.EndSession(live)).ClickAsync();
        await tour.AxeAsync("end-dialog", page.GetByTestId(TestIds.ConfirmEnd));
        await page.GetByTestId(TestIds.ConfirmEnd).ClickAsync();
        await page.GetByTestId(TestIds.SessionAttendance(live)).ClickAsync();
        await tour.AxeAsync("attendance", page.GetByTestId(TestIds.AttendanceSummary));

        await tour.GotoAsync($"/classes/{periodicTable.ClassId}/roster", "roster", page.GetByTestId(TestIds.RosterTable));
        await page.GetByTestId(TestIds.RosterAddEmail).FillAsync($"nobody-{language}@example.com");
        await page.GetByTestId(TestIds.RosterAddEmail).PressAsync("Tab"); // the field's value reaches the server on change
        await page.GetByTestId(TestIds.RosterAddEmailSubmit).ClickAsync();
        await tour.AxeAsync("roster-with-refused-email", page.GetByTestId(TestIds.RosterError));
        // A search typed: the field shows its clear button.
        await page.GetByTestId(TestIds.RosterSearch).FillAsync("Student");
        await page.GetByTestId(TestIds.RosterSearch).PressAsync("Tab");
        await tour.AxeAsync("roster-searched", page.Locator($".mud-input:has(input[data-testid='{TestIds.RosterSearch}']) button"));

        var account = new AccountPage(page);
        await tour.GotoAsync(AccountPage.Path, "account", page.GetByTestId(TestIds.ChangePasswordSubmit));
        await account.ChangePasswordAsync("not the password", "Another-Passw0rd!");
        await tour.AxeAsync("account-with-refused-password", account.PasswordResult);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_sign_in_error_and_the_403_and_404_pages_pass_axe(string language)
    {
        var signedOut = await NewPageAsync(Locale(language));
        var login = new LoginPage(signedOut);
        await signedOut.GotoAsync(LoginPage.Path);
        await login.Email.FillAsync(SeededData.Teacher);
        await login.Password.FillAsync("not the password");
        await login.Submit.ClickAsync();
        await new Tour(this, signedOut, language).AxeAsync("login-error", signedOut.GetByTestId(TestIds.LoginError));

        // Student 9 is not in Algebra I.
        var linearEquations = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");
        var page = await SignInAsync(SeededData.Student(9), SeededData.Password, "/student", Locale(language));
        var tour = new Tour(this, page, language);
        Assert.Equal(403, await new ClassPage(page).GotoAsync(linearEquations.ClassId));
        await tour.AxeAsync("class-page-forbidden", page.GetByTestId(TestIds.Forbidden));
        Assert.Equal(403, await new VideoRoomPage(page).GotoAsync(linearEquations.Id));
        await tour.AxeAsync("room-forbidden", page.GetByTestId(TestIds.Forbidden));
        var notFound = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, notFound?.Status);
        await tour.AxeAsync("not-found", page.GetByRole(AriaRole.Heading, new() { Level = 1 }));
    }

    /// <summary>The browser's language for <paramref name="language"/>: what the app reads from <c>Accept-Language</c>.</summary>
    private static string Locale(string language) => language == "en" ? "en-US" : language;

    /// <summary>Two new students for the seeded Chemistry class, different in each language's run.</summary>
    private static byte[] Roster(string language) => Encoding.UTF8.GetBytes(
        "email,displayName,role,classCode,timeZone\r\n" +
        $"tour-{language}-1@school.example,Tour {language} One,Student,CHEM-1,Etc/UTC\r\n" +
        $"tour-{language}-2@school.example,Tour {language} Two,Student,CHEM-1,Etc/UTC\r\n");

    /// <summary>Visits page states in one language: each is shown, in that language and direction, then checked by axe.</summary>
    private sealed class Tour(LanguageAxeTests test, IPage page, string language)
    {
        public async Task GotoAsync(string path, string state, ILocator shown)
        {
            await page.GotoAsync(path);
            await AxeAsync(state, shown);
        }

        public async Task AxeAsync(string state, ILocator shown)
        {
            await Expect(shown).ToBeVisibleAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new System.Text.RegularExpressions.Regex($"^{language}(-|$)"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
            await test.Screenshot(page, $"{language}.{state}");
            await test.AxeAsync(page, $"{language}.{state}");
        }

        /// <summary>Escape closes a dialog once the server has rendered it (a round trip after it opens).</summary>
        public async Task CloseDialogAsync(ILocator dialog) =>
            await Repeat.UntilAsync(() => page.Keyboard.PressAsync("Escape"), timeout => Expect(dialog).ToHaveCountAsync(0, new() { Timeout = timeout }));
    }
}
