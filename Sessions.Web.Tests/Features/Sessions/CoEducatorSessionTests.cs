using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Features.Video.AccessTokens;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions;

/// <summary>
/// A co-educator teaches the class beside its owner: they start, end and moderate its sessions and see them as their own;
/// booking, editing and cancelling stay with the owner; an educator of another class gets none of it.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class CoEducatorSessionTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task A_co_educator_starts_moderates_and_ends_a_session_of_the_class()
    {
        var (owner, coEducator, student, schoolClass) = await CoTaughtClassAsync();
        var session = await _data.SessionAsync(schoolClass);
        using var client = await _data.ClientForAsync(coEducator);

        var started = await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        var rooms = app.Services.GetRequiredService<RoomService>();
        var entry = await rooms.JoinAsync(Actor(coEducator), session.Id, default);
        var studentEntry = await rooms.JoinAsync(TestData.ActorFor(student, AppRoles.Student), session.Id, default);
        var participants = await rooms.ParticipantsAsync(session.Id, default);
        var attendance = await client.GetAsync($"/api/sessions/{session.Id}/attendance");
        var ended = await client.PostAsync($"/api/sessions/{session.Id}/end", null);

        Assert.Equal(session.Id, started.GetProperty("data").GetProperty("session").GetProperty("id").GetGuid());
        Assert.True(entry.Value!.IsHost);
        Assert.Equal(AgoraRole.Publisher, entry.Value.Tokens.Role);
        Assert.False(studentEntry.Value!.IsHost);
        Assert.True(participants.Single(p => p.UserId == coEducator.Id).IsHost);
        Assert.False(participants.Single(p => p.UserId == student.Id).IsHost);
        await attendance.ShouldBeOkAsync();
        await ended.ShouldBeOkAsync();
        var stored = await _data.ReloadAsync(session.Id);
        Assert.Equal(SessionStatus.Completed, stored.Status);
        // The session stays its owner's: the notifier document and "one live session per educator" follow them.
        Assert.Equal(owner.Id, stored.EducatorId);
    }

    [Fact]
    public async Task A_co_educator_starts_from_the_mobile_app_naming_themselves()
    {
        var (owner, coEducator, _, schoolClass) = await CoTaughtClassAsync();
        var session = await _data.SessionAsync(schoolClass);
        using var client = await _data.ClientForAsync(coEducator);

        await (await MobileApi.StartAsync(client, owner.Id, session.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        var reply = await (await MobileApi.StartAsync(client, coEducator.Id, session.Id)).ShouldBeOkAsync();

        Assert.Equal(session.Id, reply.GetProperty("sessionId").GetGuid());
    }

    [Fact]
    public async Task A_co_educator_cannot_schedule_edit_or_cancel_the_classs_sessions()
    {
        var (_, coEducator, _, schoolClass) = await CoTaughtClassAsync();
        var session = await _data.SessionAsync(schoolClass, TimeSpan.FromDays(1));
        using var client = await _data.ClientForAsync(coEducator);

        await (await client.PostAsJsonAsync("/api/sessions", new
            {
                classId = schoolClass.Id, title = "Mine", type = "scheduled", scheduledStartTime = TestData.Iso(app.Time.GetUtcNow().AddDays(2)),
                durationMinutes = 30,
            }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_class_owner");
        await (await client.PatchAsJsonAsync($"/api/sessions/{session.Id}", new { title = "Renamed" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await client.PostAsync($"/api/sessions/{session.Id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        var stored = await _data.ReloadAsync(session.Id);
        Assert.Equal(("Fractions", SessionStatus.Scheduled), (stored.Title, stored.Status));
    }

    [Fact]
    public async Task An_educator_of_another_class_cannot_start_end_or_read_its_attendance()
    {
        var (_, _, _, schoolClass) = await CoTaughtClassAsync();
        var other = await _data.EducatorAsync();
        await _data.CoEducatorAsync((await _data.ClassAsync(await _data.EducatorAsync())).Id, other);
        var session = await _data.SessionAsync(schoolClass);
        using var client = await _data.ClientForAsync(other);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await MobileApi.StartAsync(client, other.Id, session.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await client.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await client.GetAsync($"/api/sessions/{session.Id}/attendance")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        Assert.Equal(SessionStatus.Scheduled, (await _data.ReloadAsync(session.Id)).Status);
    }

    [Fact]
    public async Task Co_taught_classes_and_their_sessions_are_the_co_educators_own()
    {
        var (_, coEducator, _, schoolClass) = await CoTaughtClassAsync();
        var session = await _data.SessionAsync(schoolClass, TimeSpan.FromHours(2));
        using var client = await _data.ClientForAsync(coEducator);

        var classes = await (await client.GetAsync("/api/me/classes")).ShouldBeOkAsync();
        var sessions = await (await client.GetAsync("/api/me/sessions")).ShouldBeOkAsync();
        var dashboard = await app.Services.GetRequiredService<SessionQueries>()
            .ForEducatorDashboardAsync(coEducator.Id, app.Time.GetUtcNow().UtcDateTime, default);
        var bookable = await app.Services.GetRequiredService<ClassService>().GetEducatorClassesAsync(coEducator.Id, default);

        Assert.Equal(schoolClass.Id, Assert.Single(classes.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(session.Id, Assert.Single(sessions.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(session.Id, Assert.Single(dashboard).Id);
        // Sessions are booked in the classes one owns: the dashboard's dialog does not offer a co-taught one.
        Assert.Empty(bookable);
    }

    private async Task<(AppUser Owner, AppUser CoEducator, AppUser Student, SchoolClass Class)> CoTaughtClassAsync()
    {
        var owner = await _data.EducatorAsync();
        var coEducator = await _data.EducatorAsync("Mr. Beside");
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(owner, student);
        await _data.CoEducatorAsync(schoolClass.Id, coEducator);
        return (owner, coEducator, student, schoolClass);
    }

    private static SessionActor Actor(AppUser educator) => TestData.ActorFor(educator, AppRoles.Educator);
}
