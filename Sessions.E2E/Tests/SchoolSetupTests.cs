using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// A school's first day, with the portal alone: from an empty database whose only account is the configured admin to a
/// new student seeing the join card of a session their new teacher starts.
/// </summary>
[Collection(EmptySchoolAppGroup.Name)]
public sealed class SchoolSetupTests(EmptySchoolServer app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string AdminPassword = "Principal-Passw0rd!";
    private const string NewPassword = "First-Day-Passw0rd!";
    private const string ClassName = "Year 7 Mathematics";
    private const string ClassCode = "Y7-MATH";
    private const int RosterSize = 30;

    [Fact]
    public async Task An_admin_sets_up_a_class_from_an_empty_database_and_its_new_student_sees_the_new_teachers_session_start_live()
    {
        // The first admin signs in with the configured password and must choose their own before anything else.
        var adminTab = await SignInAsync(EmptySchoolServer.AdminEmail, EmptySchoolServer.InitialPassword, AccountPage.Path);
        var account = new AccountPage(adminTab);
        await Expect(account.MustChangePassword).ToBeVisibleAsync();
        await AxeAsync(adminTab, "account-must-change-password");
        await account.ChangePasswordAsync(EmptySchoolServer.InitialPassword, AdminPassword);
        await Expect(account.PasswordResult).ToBeVisibleAsync();
        await Expect(account.MustChangePassword).ToHaveCountAsync(0);
        await adminTab.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        var users = new AdminUsersPage(adminTab);
        await users.GotoAsync();
        var educatorLink = await users.CreateAsync("ms.okafor@school.example", "Ms. Okafor", "Educator");
        await Screenshot(adminTab, "admin-created-an-educator");
        await AxeAsync(adminTab, "admin-users-with-the-educator");

        var classes = new AdminClassesPage(adminTab);
        await classes.GotoAsync();
        await classes.CreateAsync(ClassName, ClassCode, "Mathematics", "Ms. Okafor");
        await Screenshot(adminTab, "admin-created-a-class");
        await AxeAsync(adminTab, "admin-classes-with-the-class");

        var import = new AdminImportPage(adminTab);
        await import.GotoAsync();
        await import.UploadAsync("year7.csv", Roster());
        await Expect(import.PreviewRows).ToHaveCountAsync(RosterSize);
        await Expect(import.Summary).ToContainTextAsync($"{RosterSize} rows: 0 with errors, {RosterSize} accounts to create");
        await Screenshot(adminTab, "admin-previews-the-roster");
        await AxeAsync(adminTab, "import-preview");
        await import.ApplyAsync();
        var links = await import.DownloadLinksAsync();
        var studentLink = links[Student(1)];
        Assert.Equal(RosterSize, links.Count);
        await Screenshot(adminTab, "admin-imported-the-roster");
        await AxeAsync(adminTab, "import-result");

        // The new student sets a password from their link, signs in and finds the class.
        await new SetPasswordPage(await NewPageAsync()).SetAsync(studentLink, NewPassword);
        var studentTab = await SignInAsync(Student(1), NewPassword, StudentClassesPage.Path);
        await Expect(studentTab.GetByText(ClassName)).ToBeVisibleAsync();
        await studentTab.GetByRole(AriaRole.Link, new() { Name = "Open class" }).ClickAsync();
        var studentClass = new ClassPage(studentTab);
        await Expect(studentClass.LiveUpdates).ToBeVisibleAsync();
        await Screenshot(studentTab, "new-student-sees-the-class");
        await AxeAsync(studentTab, "new-students-class-page");

        // The new educator does the same, books a session in a few minutes (their zone is the admin's, UTC) and starts it.
        await new SetPasswordPage(await NewPageAsync()).SetAsync(educatorLink, NewPassword);
        var educatorTab = await SignInAsync("ms.okafor@school.example", NewPassword, EducatorSessionsPage.Path);
        var educator = new EducatorSessionsPage(educatorTab);
        await educator.WaitUntilInteractiveAsync();
        await educator.FillScheduleDialogAsync("Fractions", DateTime.UtcNow.AddMinutes(3));
        await educator.SubmitSessionFormAsync();
        var session = await educator.CardTitledAsync("Fractions");
        await educator.StartAsync(session);
        await Expect(educator.Status(session)).ToHaveTextAsync("Live");

        await Expect(studentClass.JoinCard(session)).ToBeVisibleAsync();
        await Expect(studentClass.JoinButton(session)).ToBeVisibleAsync();
        await Screenshot(studentTab, "new-student-sees-the-join-card");
    }

    private static string Student(int number) => $"pupil{number:00}@school.example";

    /// <summary>The roster as a school's spreadsheet exports it: semicolons, a BOM, a quoted name with the separator in it.</summary>
    private static byte[] Roster()
    {
        var csv = new StringBuilder("email;displayName;role;classCode;timeZone\r\n");
        for (var number = 1; number <= RosterSize; number++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Student(number)};\"Pupil {number}; Year 7\";Student;{ClassCode};Etc/UTC\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
