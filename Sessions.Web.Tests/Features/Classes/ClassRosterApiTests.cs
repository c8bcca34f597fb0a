using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Classes;

/// <summary>
/// A class's roster through the API (<c>GET</c>/<c>POST /api/classes/{id}/students</c>): who is enrolled with their attendance,
/// and adding by id or by email, each change in the audit trail.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ClassRosterApiTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task The_roster_lists_students_by_name_with_their_attendance_over_completed_sessions()
    {
        var educator = await _data.EducatorAsync();
        var tag = Tag();
        var always = await _data.StudentAsync($"{tag} Ada");
        var once = await _data.StudentAsync($"{tag} Bea");
        var never = await _data.StudentAsync($"{tag} Cy");
        var schoolClass = await _data.ClassAsync(educator, never, once, always);
        var first = await CompletedSessionAsync(schoolClass, always, once);
        await CompletedSessionAsync(schoolClass, always);
        await _data.SessionAsync(schoolClass); // scheduled: not held yet
        await using (var db = await _data.DbAsync())
        {
            // Two stretches in one session count once.
            db.Attendance.Add(Interval(first, always.Id));
            await db.SaveChangesAsync();
        }
        using var owner = await _data.ClientForAsync(educator);

        var roster = await (await owner.GetAsync($"/api/classes/{schoolClass.Id}/students")).ShouldBeOkAsync();

        var items = roster.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([always.Id, once.Id, never.Id], items.Select(i => i.GetProperty("userId").GetString()));
        Assert.Equal(3, roster.GetProperty("totalItems").GetInt32());
        Assert.Equal((2, 2, 1.0), Attendance(items[0]));
        Assert.Equal((2, 1, 0.5), Attendance(items[1]));
        Assert.Equal((2, 0, 0.0), Attendance(items[2]));
        Assert.Equal(once.Email, items[1].GetProperty("email").GetString());
        Assert.Equal(once.DisplayName, items[1].GetProperty("displayName").GetString());
        Assert.True(items[1].GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_class_without_a_completed_session_has_no_rate_and_a_deactivated_student_is_shown_inactive()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(student.Id))!, DateTimeOffset.MaxValue);
        }
        using var admin = await _data.ClientForAsync(await _data.AdminAsync());

        var item = (await (await admin.GetAsync($"/api/classes/{schoolClass.Id}/students")).ShouldBeOkAsync()).GetProperty("items")[0];

        Assert.Equal(0, item.GetProperty("sessionsHeld").GetInt32());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("attendanceRate").ValueKind);
        Assert.False(item.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task The_roster_is_searched_by_name_or_email_and_paged_on_the_server()
    {
        var educator = await _data.EducatorAsync();
        var tag = Tag();
        var students = new List<AppUser>();
        foreach (var name in new[] { "Dan", "Abe", "Cal", "Bo" })
        {
            students.Add(await _data.StudentAsync($"{tag} {name}"));
        }
        var outsider = await _data.StudentAsync("Zed");
        var schoolClass = await _data.ClassAsync(educator, [.. students, outsider]);
        using var owner = await _data.ClientForAsync(educator);

        var first = await (await owner.GetAsync($"/api/classes/{schoolClass.Id}/students?search={tag}&page=1&pageSize=3")).ShouldBeOkAsync();
        var second = await (await owner.GetAsync($"/api/classes/{schoolClass.Id}/students?search={tag}&page=2&pageSize=3")).ShouldBeOkAsync();
        var byEmail = await (await owner.GetAsync($"/api/classes/{schoolClass.Id}/students?search={outsider.Email![..20].ToUpperInvariant()}"))
            .ShouldBeOkAsync();

        Assert.Equal([$"{tag} Abe", $"{tag} Bo", $"{tag} Cal"], Names(first));
        Assert.Equal([$"{tag} Dan"], Names(second));
        Assert.Equal((4, 2), (first.GetProperty("totalItems").GetInt32(), first.GetProperty("totalPages").GetInt32()));
        Assert.Equal(outsider.Id, Assert.Single(byEmail.GetProperty("items").EnumerateArray()).GetProperty("userId").GetString());
        await (await owner.GetAsync($"/api/classes/{schoolClass.Id}/students?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await owner.GetAsync($"/api/classes/{int.MaxValue}/students")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "class_not_found");
    }

    [Fact]
    public async Task Adding_by_email_enrols_once_answers_201_then_200_and_is_audited()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync("Newcomer");
        var schoolClass = await _data.ClassAsync(educator);
        await using var listener = await LiveListener.ConnectAsync(app, student);
        using var owner = await _data.ClientForAsync(educator);

        using var created = await owner.PostAsJsonAsync($"/api/classes/{schoolClass.Id}/students", new { email = $"  {student.Email!.ToUpperInvariant()} " });
        using var again = await owner.PostAsJsonAsync($"/api/classes/{schoolClass.Id}/students", new { userId = student.Id });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var row = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((student.Id, "Newcomer"), (row.GetProperty("userId").GetString(), row.GetProperty("displayName").GetString()));
        Assert.Equal(student.Id, (await again.ShouldBeOkAsync()).GetProperty("userId").GetString());
        Assert.Equal(new MembershipChangedMessage(schoolClass.Id, Enrolled: true), await listener.NextAsync<MembershipChangedMessage>());
        await using var db = await _data.DbAsync();
        Assert.Equal(1, await db.Enrollments.CountAsync(e => e.ClassId == schoolClass.Id && e.StudentId == student.Id));
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.StudentEnrolled && e.TargetId == Target(schoolClass));
        Assert.Equal(educator.Id, entry.ActorId);
        Assert.Contains(student.Id, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_is_refused_with_a_stable_code_and_writes_nothing()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator);
        var archived = await _data.ClassAsync(educator);
        await using (var db = await _data.DbAsync())
        {
            await db.Classes.Where(c => c.Id == archived.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ArchivedUtc, DateTime.UtcNow));
        }
        using var owner = await _data.ClientForAsync(educator);
        var path = $"/api/classes/{schoolClass.Id}/students";

        await (await owner.PostAsJsonAsync(path, new { userId = "no-such-user" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await owner.PostAsJsonAsync(path, new { email = "nobody-here@test.example" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await owner.PostAsJsonAsync(path, new { userId = educator.Id })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_a_student");
        await (await owner.PostAsJsonAsync(path, new { userId = student.Id, email = student.Email })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await owner.PostAsJsonAsync(path, new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await owner.PostAsJsonAsync(path, new { userId = "a\u0000b" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await owner.PostAsJsonAsync($"/api/classes/{int.MaxValue}/students", new { userId = student.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "class_not_found");
        await (await owner.PostAsJsonAsync($"/api/classes/{archived.Id}/students", new { userId = student.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "class_archived");
        using var otherEducator = await _data.ClientForAsync(await _data.EducatorAsync());
        await (await otherEducator.PostAsJsonAsync(path, new { userId = student.Id })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_class_owner");
        using var asStudent = await _data.ClientForAsync(student);
        await (await asStudent.PostAsJsonAsync(path, new { userId = student.Id })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        await using var check = await _data.DbAsync();
        Assert.False(await check.Enrollments.AnyAsync(e => e.StudentId == student.Id));
        Assert.False(await check.AuditEntries.AnyAsync(e => e.After != null && e.After.Contains(student.Id)));
    }

    [Fact]
    public async Task Removing_is_audited_keeps_past_attendance_and_the_student_stops_hearing_the_class()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        var keptEducator = await _data.EducatorAsync();
        var kept = await _data.ClassAsync(keptEducator, student);
        var held = await CompletedSessionAsync(schoolClass, student);
        var inLeftClass = await _data.SessionAsync(schoolClass);
        var inKeptClass = await _data.SessionAsync(kept);
        await using var listener = await LiveListener.ConnectAsync(app, student);
        using var admin = await _data.ClientForAsync(await _data.AdminAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/classes/{schoolClass.Id}/students/{student.Id}")).StatusCode);

        Assert.Equal(new MembershipChangedMessage(schoolClass.Id, Enrolled: false), await listener.NextAsync<MembershipChangedMessage>());
        var sessions = app.Services.GetRequiredService<SessionService>();
        await sessions.StartAsync(TestData.ActorFor(educator, AppRoles.Educator), inLeftClass.Id, CancellationToken.None);
        await sessions.StartAsync(TestData.ActorFor(keptEducator, AppRoles.Educator), inKeptClass.Id, CancellationToken.None);
        // Events to one connection arrive in order: had the first start reached it, it would come before the second.
        Assert.Equal(inKeptClass.Id, (await listener.NextAsync<SessionStartedMessage>()).SessionId);
        await using var check = await _data.DbAsync();
        Assert.True(await check.Attendance.AnyAsync(a => a.SessionId == held.Id && a.UserId == student.Id));
        var entry = await check.AuditEntries.SingleAsync(e => e.Action == AuditActions.StudentRemoved && e.TargetId == Target(schoolClass));
        Assert.Contains(student.Id, entry.Before, StringComparison.Ordinal);
    }

    private async Task<Session> CompletedSessionAsync(SchoolClass schoolClass, params AppUser[] present)
    {
        var session = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromHours(-3));
        await using var db = await _data.DbAsync();
        var start = session.ScheduledStartUtc;
        await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Status, SessionStatus.Completed)
            .SetProperty(s => s.ActualStartUtc, start)
            .SetProperty(s => s.ActualEndUtc, start.AddMinutes(45)));
        db.Attendance.AddRange(present.Select(p => Interval(session, p.Id)));
        await db.SaveChangesAsync();
        return session;
    }

    private static AttendanceInterval Interval(Session session, string userId) => new()
    {
        SessionId = session.Id,
        UserId = userId,
        JoinedUtc = session.ScheduledStartUtc.AddMinutes(1),
        LeftUtc = session.ScheduledStartUtc.AddMinutes(30),
    };

    private static (int Held, int Attended, double Rate) Attendance(JsonElement item) => (
        item.GetProperty("sessionsHeld").GetInt32(), item.GetProperty("sessionsAttended").GetInt32(), item.GetProperty("attendanceRate").GetDouble());

    private static string[] Names(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("displayName").GetString()!)];

    private static string Target(SchoolClass schoolClass) => schoolClass.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Tag() => $"r{Guid.NewGuid():N}"[..10];
}
