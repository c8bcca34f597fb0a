using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Extend;

/// <summary>
/// <c>POST /api/sessions/{id}/extend</c>: who may, when, by how much; the new booked end is stored, logged and heard by
/// the class over a real SignalR connection.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionExtendApiTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task The_owner_extends_a_live_session_the_log_records_it_and_the_class_hears_the_new_end()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student), durationMinutes: 45);
        using var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        await using var listener = await LiveListener.ConnectAsync(app, student);
        var startedAt = (await _data.ReloadAsync(session.Id)).ActualStartUtc!.Value;

        var reply = await (await client.PostAsJsonAsync($"/api/sessions/{session.Id}/extend", new { minutes = 10 })).ShouldBeOkAsync();

        var newEnd = startedAt.AddMinutes(55);
        Assert.Equal((55, "in_progress"), (reply.GetProperty("duration").GetInt32(), reply.GetProperty("status").GetString()));
        Assert.Equal(55, (await _data.ReloadAsync(session.Id)).DurationMinutes);
        var heard = await listener.NextAsync<SessionExtendedMessage>();
        Assert.Equal((session.Id, session.ClassId, 10, newEnd), (heard.SessionId, heard.ClassId, heard.Minutes, heard.ScheduledEnd.UtcDateTime));
        await using var db = await _data.DbAsync();
        var logged = await db.ActivityEntries.Where(e => e.SessionId == session.Id).OrderBy(e => e.Id).LastAsync();
        Assert.Equal((ActivityKinds.SessionExtended, educator.Id), (logged.Kind, logged.ActorId));
        using var data = JsonDocument.Parse(logged.Data!);
        Assert.Equal(10, data.RootElement.GetProperty("minutes").GetInt32());
        Assert.Equal(newEnd, data.RootElement.GetProperty("newEnd").GetDateTimeOffset().UtcDateTime);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(20)]
    [InlineData(-5)]
    public async Task Only_5_10_or_15_minutes_are_accepted(int minutes)
    {
        var (client, session) = await LiveSessionAsync(durationMinutes: 30);
        using var _ = client;

        var problem = await (await client.PostAsJsonAsync($"/api/sessions/{session.Id}/extend", new { minutes }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(JsonValueKind.Array, problem.GetProperty("errors").GetProperty(SessionFields.Minutes).ValueKind);
        Assert.Equal(30, (await _data.ReloadAsync(session.Id)).DurationMinutes);
    }

    [Fact]
    public async Task A_session_may_be_extended_up_to_the_longest_booking_and_no_further()
    {
        var (client, session) = await LiveSessionAsync(durationMinutes: Session.MaxDurationMinutes - 5);
        using var _ = client;

        var problem = await (await client.PostAsJsonAsync($"/api/sessions/{session.Id}/extend", new { minutes = 10 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "extension_limit");
        await (await client.PostAsJsonAsync($"/api/sessions/{session.Id}/extend", new { minutes = 5 })).ShouldBeOkAsync();
        await (await client.PostAsJsonAsync($"/api/sessions/{session.Id}/extend", new { minutes = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "extension_limit");

        Assert.Equal(5, problem.GetProperty("remainingMinutes").GetInt32());
        Assert.Equal(Session.MaxDurationMinutes, (await _data.ReloadAsync(session.Id)).DurationMinutes);
    }

    [Fact]
    public async Task A_session_not_started_yet_or_already_ended_cannot_be_extended()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        var scheduled = await _data.SessionAsync(schoolClass);
        using var client = await _data.ClientForAsync(educator);

        await (await client.PostAsJsonAsync($"/api/sessions/{scheduled.Id}/extend", new { minutes = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_live");
        await (await client.PostAsync($"/api/sessions/{scheduled.Id}/start", null)).ShouldBeOkAsync();
        await (await client.PostAsync($"/api/sessions/{scheduled.Id}/end", null)).ShouldBeOkAsync();
        await (await client.PostAsJsonAsync($"/api/sessions/{scheduled.Id}/extend", new { minutes = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_ended");
    }

    [Fact]
    public async Task Only_those_who_may_end_it_may_extend_it()
    {
        var (owner, session) = await LiveSessionAsync(durationMinutes: 30);
        using var _ = owner;
        using var other = await _data.ClientForAsync(await _data.EducatorAsync());
        using var admin = await _data.ClientForAsync(await _data.AdminAsync());

        await (await other.PostAsJsonAsync($"/api/sessions/{session.Id}/extend", new { minutes = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await admin.PostAsJsonAsync($"/api/sessions/{session.Id}/extend", new { minutes = 5 })).ShouldBeOkAsync();

        Assert.Equal(35, (await _data.ReloadAsync(session.Id)).DurationMinutes);
    }

    private async Task<(HttpClient Client, Session Session)> LiveSessionAsync(int durationMinutes)
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()), durationMinutes: durationMinutes);
        var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        return (client, session);
    }
}
