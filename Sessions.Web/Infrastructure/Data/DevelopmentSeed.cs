using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// Demo accounts, classes and sessions for a fresh Development database, timed relative to the moment of seeding
/// so there is always something to start. Runs once: an existing database is left alone.
/// </summary>
public sealed partial class DevelopmentSeed(
    IDbContextFactory<SessionsDbContext> dbFactory, UserAccounts accounts, TimeProvider time, ILogger<DevelopmentSeed> logger)
{
    public const string Password = "Passw0rd!";
    public const string TeacherEmail = "teacher@example.com";
    public const string Teacher2Email = "teacher2@example.com";
    public const string AdminEmail = "admin@example.com";
    public const string DemoTimeZone = "America/New_York";
    public const int StudentCount = 12;

    public static string StudentEmail(int number) => $"student{number}@example.com";

    public async Task SeedIfEmptyAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Users.AnyAsync())
        {
            return;
        }

        var teacher = await accounts.CreateAsync(TeacherEmail, "Ms. Rivera", DemoTimeZone, Password, AppRoles.Educator);
        var teacher2 = await accounts.CreateAsync(Teacher2Email, "Mr. Okafor", "Europe/London", Password, AppRoles.Educator);
        await accounts.CreateAsync(AdminEmail, "School Admin", "UTC", Password, AppRoles.Admin);
        var students = new List<AppUser>();
        for (var number = 1; number <= StudentCount; number++)
        {
            students.Add(await accounts.CreateAsync(StudentEmail(number), $"Student {number}", DemoTimeZone, Password, AppRoles.Student));
        }

        var algebra = NewClass("Algebra I", "ALG-1", "Mathematics", teacher, students[0..8]);
        var biology = NewClass("Biology", "BIO-1", "Science", teacher, students[4..12]);
        var chemistry = NewClass("Chemistry", "CHEM-1", "Science", teacher2, []);
        db.Classes.AddRange(algebra, biology, chemistry);
        await db.SaveChangesAsync();

        var now = time.GetUtcNow().UtcDateTime;
        var startOfMinute = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
        db.Sessions.AddRange(
            NewSession(algebra, "Linear equations", startOfMinute, 60, now),
            NewSession(algebra, "Graphing lines", LaterToday(startOfMinute, teacher.TimeZoneId), 45, now),
            NewSession(biology, "Cell structure", startOfMinute.AddDays(1), 50, now),
            Completed(NewSession(biology, "Photosynthesis", startOfMinute.AddDays(-1), 50, now)),
            NewSession(chemistry, "The periodic table", startOfMinute, 60, now));
        await db.SaveChangesAsync();
        LogSeeded(logger, StudentCount + 3);
    }

    /// <summary>Two hours from now, unless that falls on the educator's next day.</summary>
    private static DateTime LaterToday(DateTime startOfMinute, string timeZoneId)
    {
        var zone = UserTime.FindZone(timeZoneId);
        var later = startOfMinute.AddHours(2);
        return TimeZoneInfo.ConvertTimeFromUtc(later, zone).Date == TimeZoneInfo.ConvertTimeFromUtc(startOfMinute, zone).Date
            ? later
            : startOfMinute.AddMinutes(20);
    }

    private static SchoolClass NewClass(string name, string code, string subject, AppUser educator, IEnumerable<AppUser> students) => new()
    {
        Name = name,
        Code = code,
        Subject = subject,
        EducatorId = educator.Id,
        Enrollments = [.. students.Select(s => new Enrollment { StudentId = s.Id })],
    };

    private static Session NewSession(SchoolClass schoolClass, string title, DateTime startUtc, int minutes, DateTime now) =>
        Session.Create(schoolClass.Id, schoolClass.EducatorId, SessionType.Scheduled, title, $"{schoolClass.Name}: {title}",
            startUtc, minutes, now);

    private static Session Completed(Session session)
    {
        session.Status = SessionStatus.Completed;
        session.ActualStartUtc = session.ScheduledStartUtc.AddMinutes(1);
        session.ActualEndUtc = session.ScheduledStartUtc.AddMinutes(session.DurationMinutes);
        return session;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the Development demo data: {UserCount} accounts, password in README")]
    private static partial void LogSeeded(ILogger logger, int userCount);
}
