using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Attendance;

/// <summary>The end of a session ends every stay in its room, and nothing that comes after it opens or closes one.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class AttendanceAtTheEndTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Ending_a_session_closes_every_stay_still_open_as_of_its_end()
    {
        var (educator, session, students) = await LiveSessionAsync(2);
        using var teacher = await _data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        await JoinAsync(students[0], session.Id);
        app.Time.Advance(TimeSpan.FromMinutes(10));
        await JoinAsync(students[1], session.Id);
        app.Time.Advance(TimeSpan.FromMinutes(4));

        await (await teacher.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();

        var end = (await _data.ReloadAsync(session.Id)).ActualEndUtc;
        var stays = await StaysAsync(session.Id);
        Assert.Equal(3, stays.Count);
        Assert.All(stays, stay => Assert.Equal(end, stay.LeftUtc));
    }

    [Fact]
    public async Task A_leave_after_the_end_changes_nothing_and_nobody_hears_of_it()
    {
        var (educator, session, students) = await LiveSessionAsync(2);
        await JoinAsync(students[0], session.Id);
        app.Time.Advance(TimeSpan.FromMinutes(10));
        await app.Services.GetRequiredService<SessionService>().EndAsync(TestData.ActorFor(educator, AppRoles.Educator), session.Id, default);
        // A stay left open by an end from before this rule existed: a late leave must not close it either.
        await using (var db = await _data.DbAsync())
        {
            db.Attendance.Add(new AttendanceInterval { SessionId = session.Id, UserId = students[1].Id, JoinedUtc = app.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        var before = await StaysAsync(session.Id);
        await using var listener = await LiveListener.ConnectAsync(app, educator);
        app.Time.Advance(TimeSpan.FromMinutes(1));

        foreach (var student in students)
        {
            using var client = await _data.ClientForAsync(student);
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/sessions/{session.Id}/leave", null)).StatusCode);
        }
        await app.Services.GetRequiredService<RoomService>().LeaveAsync(TestData.ActorFor(students[1], AppRoles.Student), session.Id, default);

        Assert.Equal(before, await StaysAsync(session.Id));
        // Events reach a listener in the order they were published: the next one it hears is this later booking, not a leave.
        using var teacher = await _data.ClientForAsync(educator);
        using var booked = await teacher.PostAsJsonAsync("/api/sessions", new
        {
            classId = session.ClassId, title = "Next time", type = "scheduled",
            scheduledStartTime = TestData.Iso(app.Time.GetUtcNow().AddDays(1)), durationMinutes = 30,
        });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal("Next time", (await listener.NextAsync<SessionScheduledMessage>()).Title);
    }

    [Fact]
    public async Task A_join_let_in_just_before_the_end_opens_no_stay_after_it()
    {
        var (educator, session, students) = await LiveSessionAsync(1);
        // The join has read the session as live and waits there, as a slow request would, while the educator ends it.
        var slowRead = new PausedReads(app.Services, "\"RtcUid\"");
        var rooms = ActivatorUtilities.CreateInstance<RoomService>(app.Services, slowRead);
        var joining = rooms.JoinAsync(TestData.ActorFor(students[0], AppRoles.Student), session.Id, default);
        await slowRead.Reached;

        await app.Services.GetRequiredService<SessionService>().EndAsync(TestData.ActorFor(educator, AppRoles.Educator), session.Id, default);
        slowRead.Release();

        Assert.Equal(RoomErrors.NotLive, (await joining).Error);
        Assert.Empty(await StaysAsync(session.Id));
    }

    private async Task<(AppUser Educator, Session Session, AppUser[] Students)> LiveSessionAsync(int studentCount)
    {
        var educator = await _data.EducatorAsync();
        var students = new AppUser[studentCount];
        for (var i = 0; i < studentCount; i++)
        {
            students[i] = await _data.StudentAsync($"Student {i}");
        }
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, students));
        Assert.Null((await app.Services.GetRequiredService<SessionService>()
            .StartAsync(TestData.ActorFor(educator, AppRoles.Educator), session.Id, default)).Error);
        return (educator, session, students);
    }

    private async Task JoinAsync(AppUser student, Guid sessionId)
    {
        using var client = await _data.ClientForAsync(student);
        await (await client.PostAsync($"/api/sessions/{sessionId}/join", null)).ShouldBeOkAsync();
    }

    private async Task<List<(string UserId, DateTime JoinedUtc, DateTime? LeftUtc)>> StaysAsync(Guid sessionId)
    {
        await using var db = await _data.DbAsync();
        var stays = await db.Attendance.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Id).ToListAsync();
        return stays.ConvertAll(a => (a.UserId, a.JoinedUtc, a.LeftUtc));
    }
}
