using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Live;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Classes;

/// <summary>
/// Enrolling and removing students (<c>PUT</c>/<c>DELETE /api/classes/{id}/students/{studentId}</c>): open hub connections
/// start or stop hearing the class at once, so nobody keeps hearing a class they left.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ClassRosterTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task A_removed_student_stops_hearing_the_class_without_reconnecting()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var leftClass = await _data.ClassAsync(educator, student, await _data.StudentAsync());
        var keptClass = await _data.ClassAsync(await _data.EducatorAsync(), student, await _data.StudentAsync());
        var inLeftClass = await _data.SessionAsync(leftClass);
        var inKeptClass = await _data.SessionAsync(keptClass);
        await using var listener = await LiveListener.ConnectAsync(app, student);
        using var teacher = await _data.ClientForAsync(educator);

        var removed = await teacher.DeleteAsync($"/api/classes/{leftClass.Id}/students/{student.Id}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(new MembershipChangedMessage(leftClass.Id, Enrolled: false), await listener.NextAsync<MembershipChangedMessage>());
        await StartAsync(educator.Id, inLeftClass.Id);
        await StartAsync(keptClass.EducatorId, inKeptClass.Id);
        // Events to one connection arrive in order: had the first start reached it, it would come before the second.
        Assert.Equal(inKeptClass.Id, (await listener.NextAsync<SessionStartedMessage>()).SessionId);
        await using var db = await _data.DbAsync();
        Assert.False(await db.Enrollments.AnyAsync(e => e.ClassId == leftClass.Id && e.StudentId == student.Id));
    }

    [Fact]
    public async Task An_enrolled_student_hears_the_class_at_once()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        var session = await _data.SessionAsync(schoolClass);
        await using var listener = await LiveListener.ConnectAsync(app, student);
        using var teacher = await _data.ClientForAsync(educator);

        Assert.Equal(HttpStatusCode.NoContent, (await teacher.PutAsync($"/api/classes/{schoolClass.Id}/students/{student.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await teacher.PutAsync($"/api/classes/{schoolClass.Id}/students/{student.Id}", null)).StatusCode);

        Assert.Equal(new MembershipChangedMessage(schoolClass.Id, Enrolled: true), await listener.NextAsync<MembershipChangedMessage>());
        await StartAsync(educator.Id, session.Id);
        Assert.Equal(session.Id, (await listener.NextAsync<SessionStartedMessage>()).SessionId);
        await using var db = await _data.DbAsync();
        Assert.Equal(1, await db.Enrollments.CountAsync(e => e.ClassId == schoolClass.Id && e.StudentId == student.Id));
    }

    [Fact]
    public async Task Only_the_classs_educator_or_an_admin_changes_its_roster_and_only_students_are_enrolled()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator);
        using var otherEducator = await _data.ClientForAsync(await _data.EducatorAsync());
        using var asStudent = await _data.ClientForAsync(student);
        using var admin = await _data.ClientForAsync(await _data.AdminAsync());
        using var owner = await _data.ClientForAsync(educator);
        var path = $"/api/classes/{schoolClass.Id}/students/{student.Id}";

        await (await otherEducator.PutAsync(path, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_class_owner");
        await (await asStudent.PutAsync(path, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await owner.PutAsync($"/api/classes/{schoolClass.Id}/students/{educator.Id}", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_a_student");
        await (await owner.PutAsync($"/api/classes/{schoolClass.Id}/students/no-such-user", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await owner.PutAsync($"/api/classes/{int.MaxValue}/students/{student.Id}", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "class_not_found");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync(path, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(path)).StatusCode);
    }

    private async Task StartAsync(string educatorId, Guid sessionId)
    {
        await using var db = await _data.DbAsync();
        var educator = await db.Users.SingleAsync(u => u.Id == educatorId);
        using var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{sessionId}/start", null)).ShouldBeOkAsync();
    }
}
