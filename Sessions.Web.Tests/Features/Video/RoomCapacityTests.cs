using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;
using Xunit.Abstractions;

namespace Sessions.Web.Tests.Features.Video;

/// <summary>A room's maximum holds when students arrive at once, whatever isolation the database gives each join.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class RoomCapacityTests(SessionsAppFactory app, ITestOutputHelper output)
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
        var session = await LiveSessionAsync(educator, seats, [.. students]);
        var rooms = app.Services.GetRequiredService<RoomService>();
        using var gate = new ManualResetEventSlim();

        var joins = students.Select(student => Task.Run(async () =>
        {
            gate.Wait();
            var took = Stopwatch.StartNew();
            var answer = await rooms.JoinAsync(TestData.ActorFor(student, AppRoles.Student), session.Id, CancellationToken.None);
            return (Answer: answer, took.Elapsed);
        })).ToList();
        var all = Stopwatch.StartNew();
        gate.Set();
        var timed = await Task.WhenAll(joins);
        all.Stop();
        var answers = timed.Select(t => t.Answer).ToList();
        // The figure in docs/performance.md (scripts/measure-joins.sh); nothing here depends on it.
        var latencies = timed.Select(t => t.Elapsed.TotalMilliseconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{TestDatabase.RunProvider}: {students.Count} racing joins answered in {all.Elapsed.TotalMilliseconds:0} ms; per join p50 {latencies[latencies.Count / 2]:0} ms, max {latencies[^1]:0} ms"));

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
        var session = await LiveSessionAsync(educator, seats: 1, student);
        using var teacher = await _data.ClientForAsync(educator);
        using var pupil = await _data.ClientForAsync(student);
        await (await pupil.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();

        var reply = await teacher.PostAsync($"/api/sessions/{session.Id}/join", null);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
    }

    private async Task<Session> LiveSessionAsync(AppUser educator, int seats, params AppUser[] students)
    {
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, students));
        await using (var db = await _data.DbAsync())
        {
            await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.MaxParticipants, seats));
        }
        using var teacher = await _data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        return session;
    }
}
