using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Infrastructure.Scale;

[Collection(AppFixtureGroup.Name)]
public sealed class TelemetryTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task A_start_records_one_activity_with_the_session_id_and_counts_one_started_session()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(educator);
        using var probe = new TelemetryProbe(app);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();

        Assert.Single(probe.Activities("session start", session.Id));
        Assert.Equal(1, probe.Count("sessions.session.started"));
    }

    [Fact]
    public async Task A_start_that_finds_the_session_already_live_counts_nothing()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        using var probe = new TelemetryProbe(app);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();

        Assert.Single(probe.Activities("session start", session.Id));
        Assert.Equal(0, probe.Count("sessions.session.started"));
    }

    [Fact]
    public async Task A_join_records_one_activity_and_counts_one_join_and_a_repeated_join_counts_none()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        using var educatorClient = await _data.ClientForAsync(educator);
        await (await educatorClient.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        using var client = await _data.ClientForAsync(student);
        using var probe = new TelemetryProbe(app);

        await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();

        Assert.Equal(2, probe.Activities("room join", session.Id).Count);
        Assert.Equal(1, probe.Count("sessions.room.joins"));
    }
}
