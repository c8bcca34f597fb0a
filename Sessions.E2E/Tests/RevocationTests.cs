using Microsoft.Data.Sqlite;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;

namespace Sessions.E2E.Tests;

/// <summary>A student locked out while their pages are open is sent back to sign-in by those pages themselves.</summary>
[Collection(RevocationAppGroup.Name)]
public sealed class RevocationTests(QuickRevocationServer app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task A_locked_students_open_pages_return_to_sign_in()
    {
        var algebra = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");
        var classTab = await SignInAsync(SeededData.Student(3), StudentClassesPage.Path);
        await new ClassPage(classTab).GotoAsync(algebra.ClassId);
        var listTab = await classTab.Context.NewPageAsync();
        await listTab.GotoAsync(StudentClassesPage.Path);
        await new StudentClassesPage(listTab).WaitUntilInteractiveAsync();

        await LockAsync(SeededData.Student(3));

        await classTab.WaitForURLAsync(url => new Uri(url).AbsolutePath == LoginPage.Path);
        await listTab.WaitForURLAsync(url => new Uri(url).AbsolutePath == LoginPage.Path);
        await Screenshot(classTab, "locked-student-back-at-sign-in");
    }

    /// <summary>What an administrator's lock does to the account; the portal has no lock button yet.</summary>
    private async Task LockAsync(string email)
    {
        await using var db = new SqliteConnection($"Data Source={app.DatabasePath}");
        await db.OpenAsync();
        await using var update = db.CreateCommand();
        update.CommandText = "UPDATE AspNetUsers SET LockoutEnd = '9999-12-31 23:59:59+00:00' WHERE NormalizedEmail = $email";
        update.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }
}
