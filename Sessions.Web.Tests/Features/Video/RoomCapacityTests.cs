using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Video;

/// <summary>A room's maximum holds when students arrive at once, whatever isolation the database gives each join.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class RoomCapacityTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Thirty_racing_joins_for_ten_seats_admit_exactly_ten_students()
    {
        const int seats = 10;
        var educator = await _data.EducatorAsync();
        var students = new List<AppUser>();
        for (var i = 0; i < 30; i++)
        {
            students.Add(await _data.StudentAsync($"Student {i}"));
        }
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, [.. students]));
        await using (var db = await _data.DbAsync())
        {
            await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.MaxParticipants, seats));
        }
        using var teacher = await _data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        var rooms = app.Services.GetRequiredService<RoomService>();
        using var gate = new ManualResetEventSlim();

        var joins = students.Select(student => Task.Run(async () =>
        {
            gate.Wait();
            return await rooms.JoinAsync(TestData.ActorFor(student, AppRoles.Student), session.Id, CancellationToken.None);
        })).ToList();
        gate.Set();
        var answers = await Task.WhenAll(joins);

        Assert.Equal(seats, answers.Count(a => a.Error is null));
        Assert.All(answers.Where(a => a.Error is not null), a => Assert.Equal(RoomErrors.FullCode, a.Error!.Code));
        await using var check = await _data.DbAsync();
        Assert.Equal(seats, await check.Attendance.CountAsync(a => a.SessionId == session.Id && a.LeftUtc == null));
    }

    [Fact]
    public async Task A_full_room_still_lets_its_educator_in()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        await using (var db = await _data.DbAsync())
        {
            await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.MaxParticipants, 1));
        }
        using var teacher = await _data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        using var pupil = await _data.ClientForAsync(student);
        await (await pupil.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();

        var reply = await teacher.PostAsync($"/api/sessions/{session.Id}/join", null);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
    }
}
