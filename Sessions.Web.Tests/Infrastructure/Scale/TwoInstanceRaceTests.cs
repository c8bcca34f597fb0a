using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>
/// Two instances over one database and one Redis, with the same requests landing on both at once: the database settles
/// each race, whichever instance a request reached, and the live bus carries the winner's event once to each.
/// </summary>
public sealed class TwoInstanceRaceTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int Starts = 50;
    private const int Seats = 10;
    private const int Joiners = 30;

    [Fact]
    public async Task Fifty_racing_starts_across_two_instances_make_one_transition_and_one_event()
    {
        await using var apps = await TwoInstances.StartAsync(redis);
        var (a, b) = (apps.A, apps.B);
        var educator = await a.Data.EducatorAsync();
        var (studentOnA, studentOnB) = (await a.Data.StudentAsync(), await a.Data.StudentAsync());
        var session = await a.Data.SessionAsync(await a.Data.ClassAsync(educator, studentOnA, studentOnB));
        await using var onA = await LiveListener.ConnectAsync(a, studentOnA);
        await using var onB = await LiveListener.ConnectAsync(b, studentOnB);
        using var teacherOnA = await a.Data.ClientForAsync(educator);
        using var teacherOnB = await b.Data.ClientForAsync(educator);
        using var countedOnA = new TelemetryProbe(a);
        using var countedOnB = new TelemetryProbe(b);

        var startedAt = await Released.TogetherAsync(Enumerable.Range(0, Starts).Select(i => (Func<Task<DateTimeOffset>>)(async () =>
        {
            using var answer = await (i % 2 == 0 ? teacherOnA : teacherOnB).PostAsync($"{SessionEndpoints.ApiGroup}/{session.Id}/start", null);
            // A start of a session already live is the owner's idempotent repeat: 200 with the winner's start time.
            return (await answer.ShouldBeOkAsync()).GetProperty("data").GetProperty("session").GetProperty("started_at").GetDateTimeOffset();
        })));

        Assert.Equal([(await a.Data.ReloadAsync(session.Id)).ActualStartUtc], startedAt.Select(s => (DateTime?)s.UtcDateTime).Distinct());
        Assert.Equal(1, countedOnA.Count("sessions.session.started") + countedOnB.Count("sessions.session.started"));
        // The end is published after every start a loser could have published: a second start would arrive before it.
        await (await teacherOnB.PostAsync($"{SessionEndpoints.ApiGroup}/{session.Id}/end", null)).ShouldBeOkAsync();
        foreach (var listener in new[] { onA, onB })
        {
            Assert.Equal(session.Id, (await listener.NextAsync<SessionStartedMessage>()).SessionId);
            Assert.Equal(session.Id, (await listener.NextAsync<SessionEndedMessage>()).SessionId);
        }
    }

    [Fact]
    public async Task Thirty_racing_joins_for_ten_seats_across_two_instances_admit_exactly_ten()
    {
        await using var apps = await TwoInstances.StartAsync(redis);
        var (a, b) = (apps.A, apps.B);
        var educator = await a.Data.EducatorAsync();
        var students = new List<AppUser>();
        for (var i = 0; i < Joiners; i++)
        {
            students.Add(await a.Data.StudentAsync($"Joiner {i}"));
        }
        var sessionId = await StartInstantSessionAsync(a, educator, await a.Data.ClassAsync(educator, [.. students]), Seats);
        // Every other student comes in through B, and each signs in where it joins.
        var joiners = await Task.WhenAll(students.Select(async (student, i) => (student.Id, Client: await (i % 2 == 0 ? a : b).Data.ClientForAsync(student))));
        using var countedOnA = new TelemetryProbe(a);
        using var countedOnB = new TelemetryProbe(b);

        var answers = await Released.TogetherAsync(joiners.Select(j => (Func<Task<(string StudentId, HttpResponseMessage Answer)>>)(async () =>
            (j.Id, await j.Client.PostAsync($"{SessionEndpoints.ApiGroup}/{sessionId}/join", null)))));

        var admitted = answers.Where(j => j.Answer.StatusCode == HttpStatusCode.OK).Select(j => j.StudentId).ToList();
        Assert.Equal(Seats, admitted.Count);
        foreach (var (_, refused) in answers.Where(j => j.Answer.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, RoomErrors.FullCode);
        }
        await using var db = await b.Data.DbAsync();
        var inRoom = await db.Attendance.Where(x => x.SessionId == sessionId && x.LeftUtc == null).Select(x => x.UserId).ToListAsync();
        Assert.Equal(admitted.Order(), inRoom.Order());
        Assert.Equal(Seats, countedOnA.Count("sessions.room.joins") + countedOnB.Count("sessions.room.joins"));
        foreach (var (_, client) in joiners)
        {
            client.Dispose();
        }
        foreach (var (_, answer) in answers)
        {
            answer.Dispose();
        }
    }

    /// <summary>An instant session (live at once) with its own room size, booked through the API as an educator does.</summary>
    private static async Task<Guid> StartInstantSessionAsync(SessionsAppFactory app, AppUser educator, SchoolClass schoolClass, int seats)
    {
        using var teacher = await app.Data.ClientForAsync(educator);
        using var created = await teacher.PostAsJsonAsync(SessionEndpoints.ApiGroup, new
        {
            classId = schoolClass.Id, title = "Ten seats", type = "instant", durationMinutes = 30, settings = new { maxParticipants = seats },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
