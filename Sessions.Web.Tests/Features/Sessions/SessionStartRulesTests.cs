using System.Net;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions;

/// <summary>Every refusal of <c>POST /api/sessions/{id}/start</c>, with its stable code, and that nothing is written.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionStartRulesTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task An_unknown_session_is_not_found()
    {
        using var client = await _data.ClientForAsync(await _data.EducatorAsync());

        await (await client.PostAsync($"/api/sessions/{Guid.NewGuid()}/start", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
    }

    [Fact]
    public async Task A_non_guid_id_is_a_validation_problem()
    {
        using var client = await _data.ClientForAsync(await _data.EducatorAsync());

        await (await client.PostAsync("/api/sessions/42/start", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Another_educators_session_cannot_be_started()
    {
        var session = await _data.SessionAsync(await _data.ClassAsync(await _data.EducatorAsync(), await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(await _data.EducatorAsync());

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        Assert.Equal(SessionStatus.Scheduled, (await _data.ReloadAsync(session.Id)).Status);
    }

    [Fact]
    public async Task Before_the_window_opens_the_refusal_says_when_it_opens()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()), startsIn: TimeSpan.FromMinutes(30));
        using var client = await _data.ClientForAsync(educator);

        var problem = await (await client.PostAsync($"/api/sessions/{session.Id}/start", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "outside_start_window");

        Assert.Equal(session.ScheduledStartUtc.AddMinutes(-5), problem.GetProperty("windowOpensAt").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(SessionStatus.Scheduled, (await _data.ReloadAsync(session.Id)).Status);
    }

    [Fact]
    public async Task After_the_scheduled_end_the_session_can_no_longer_start()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()),
            startsIn: TimeSpan.FromMinutes(-61), durationMinutes: 60);
        using var client = await _data.ClientForAsync(educator);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "outside_start_window");
    }

    [Fact]
    public async Task A_class_without_students_cannot_start_a_session()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator));
        using var client = await _data.ClientForAsync(educator);

        var problem = await (await client.PostAsync($"/api/sessions/{session.Id}/start", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "no_students_enrolled");

        Assert.Contains("no students", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await _data.ReloadAsync(session.Id);
        Assert.Equal(SessionStatus.Scheduled, stored.Status);
        Assert.Null(stored.ActualStartUtc);
    }

    [Fact]
    public async Task A_completed_session_cannot_start_again()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        await (await client.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();

        var problem = await (await client.PostAsync($"/api/sessions/{session.Id}/start", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_status");

        Assert.Equal("completed", problem.GetProperty("currentStatus").GetString());
    }

    [Fact]
    public async Task An_educator_with_a_live_session_cannot_start_a_second_one()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        var first = await _data.SessionAsync(schoolClass);
        var second = await _data.SessionAsync(schoolClass);
        using var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{first.Id}/start", null)).ShouldBeOkAsync();

        var problem = await (await client.PostAsync($"/api/sessions/{second.Id}/start", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "educator_already_live");

        Assert.Equal(first.Id, problem.GetProperty("liveSessionId").GetGuid());
        Assert.Equal(SessionStatus.Scheduled, (await _data.ReloadAsync(second.Id)).Status);
    }

    [Fact]
    public async Task Starting_again_answers_the_same_start_time_with_fresh_tokens()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(educator);
        var first = await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        app.Time.Advance(TimeSpan.FromSeconds(90));

        var again = await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();

        var firstData = first.GetProperty("data");
        var againData = again.GetProperty("data");
        Assert.True(again.GetProperty("success").GetBoolean());
        Assert.Equal(firstData.GetProperty("session").GetProperty("started_at").GetDateTimeOffset(),
            againData.GetProperty("session").GetProperty("started_at").GetDateTimeOffset());
        Assert.Equal(90, againData.GetProperty("started_session_duration").GetInt64());
        Assert.NotEqual(firstData.GetProperty("agora").GetProperty("rtc_token").GetString(),
            againData.GetProperty("agora").GetProperty("rtc_token").GetString());
    }

    [Fact]
    public async Task The_api_envelope_carries_the_session_its_class_host_and_agora_details()
    {
        var educator = await _data.EducatorAsync("Ms. Envelope");
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync(), await _data.StudentAsync());
        var session = await _data.SessionAsync(schoolClass);
        using var client = await _data.ClientForAsync(educator);

        var reply = await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();

        var data = reply.GetProperty("data");
        var json = data.GetProperty("session");
        Assert.Equal(session.Id, json.GetProperty("id").GetGuid());
        Assert.Equal("in_progress", json.GetProperty("status").GetString());
        Assert.Equal("scheduled", json.GetProperty("type").GetString());
        Assert.Equal(60, json.GetProperty("duration").GetInt32());
        Assert.Equal(schoolClass.Id, json.GetProperty("class").GetProperty("id").GetInt32());
        Assert.Equal(2, json.GetProperty("class").GetProperty("enrolled_count").GetInt32());
        Assert.Equal("Ms. Envelope", json.GetProperty("host").GetProperty("display_name").GetString());
        var agora = data.GetProperty("agora");
        Assert.Equal(session.ChannelName, agora.GetProperty("channel").GetString());
        Assert.Equal((uint)educator.RtcUid, agora.GetProperty("rtc_uid").GetUInt32());
        Assert.StartsWith("007", agora.GetProperty("rtm_token").GetString(), StringComparison.Ordinal);
        Assert.True(agora.GetProperty("expires_at").GetDateTimeOffset() > app.Time.GetUtcNow().AddMinutes(60));
        Assert.True(reply.TryGetProperty("timestamp", out _));
    }
}
