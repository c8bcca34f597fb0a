using System.Net;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions;

[Collection(AppFixtureGroup.Name)]
public sealed class SessionEndTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task The_owner_ends_a_live_session_which_becomes_completed()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        app.Time.Advance(TimeSpan.FromMinutes(20));
        // Twenty minutes on, the app has renewed its 15-minute bearer token.
        using var later = await _data.ClientForAsync(educator);

        var reply = await (await later.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();

        var stored = await _data.ReloadAsync(session.Id);
        Assert.Equal(SessionStatus.Completed, stored.Status);
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, stored.ActualEndUtc!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal("completed", reply.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_the_owner_may_end_a_session()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var owner = await _data.ClientForAsync(educator);
        await (await owner.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        using var other = await _data.ClientForAsync(await _data.EducatorAsync());

        await (await other.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        Assert.Equal(SessionStatus.InProgress, (await _data.ReloadAsync(session.Id)).Status);
    }

    [Fact]
    public async Task A_session_that_has_not_started_cannot_be_ended()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(educator);

        var problem = await (await client.PostAsync($"/api/sessions/{session.Id}/end", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_status");

        Assert.Equal("scheduled", problem.GetProperty("currentStatus").GetString());
    }

    [Fact]
    public async Task Ending_again_answers_the_same_end_time()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        using var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        var first = await (await client.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();
        app.Time.Advance(TimeSpan.FromMinutes(1));

        var again = await (await client.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();

        Assert.Equal(first.GetProperty("endedAt").GetDateTimeOffset(),
            again.GetProperty("endedAt").GetDateTimeOffset());
    }
}
