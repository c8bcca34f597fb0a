using Microsoft.AspNetCore.SignalR.Client;
using Sessions.Web.Features.Live;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Live;

/// <summary>The hub over real sockets: who hears about a session, and who never does.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class LiveHubTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task An_enrolled_student_hears_the_start_and_the_end()
    {
        var educator = await _data.EducatorAsync("Mr. Live");
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        var session = await _data.SessionAsync(schoolClass);
        await using var listener = await LiveListener.ConnectAsync(app, student);
        using var client = await _data.ClientForAsync(educator);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        var started = await listener.NextAsync<SessionStartedMessage>();
        await (await client.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();
        var ended = await listener.NextAsync<SessionEndedMessage>();

        Assert.Equal(session.Id, started.SessionId);
        Assert.Equal(schoolClass.Id, started.ClassId);
        Assert.Equal("Fractions", started.Title);
        Assert.Equal("Mr. Live", started.EducatorName);
        Assert.Equal(app.Time.GetUtcNow(), started.ActualStartDate, TimeSpan.FromMilliseconds(1));
        Assert.Equal(session.Id, ended.SessionId);
        Assert.Equal(schoolClass.Id, ended.ClassId);
    }

    [Fact]
    public async Task A_connection_is_told_its_groups_once_it_is_in_them()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var algebra = await _data.ClassAsync(educator, student);
        var biology = await _data.ClassAsync(educator, student);

        await using var pupil = await LiveListener.ConnectAsync(app, student);
        await using var teacher = await LiveListener.ConnectAsync(app, educator);

        Assert.Equal([LiveGroups.ForClass(algebra.Id), LiveGroups.ForClass(biology.Id)], pupil.Groups.Order());
        Assert.Equal([LiveGroups.ForEducator(educator.Id)], teacher.Groups);
    }

    [Fact]
    public async Task A_student_of_another_class_hears_nothing_of_it()
    {
        var educator = await _data.EducatorAsync();
        var otherEducator = await _data.EducatorAsync();
        var outsider = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        var ownSession = await _data.SessionAsync(await _data.ClassAsync(otherEducator, outsider));
        await using var listener = await LiveListener.ConnectAsync(app, outsider);
        using var client = await _data.ClientForAsync(educator);
        using var otherClient = await _data.ClientForAsync(otherEducator);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        await (await otherClient.PostAsync($"/api/sessions/{ownSession.Id}/start", null)).ShouldBeOkAsync();

        // One connection receives in order: had the foreign start reached it, it would have come first.
        var first = await listener.NextAsync<SessionStartedMessage>();
        Assert.Equal(ownSession.Id, first.SessionId);
    }

    [Fact]
    public async Task The_educator_hears_their_own_sessions_through_their_group()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        await using var listener = await LiveListener.ConnectAsync(app, educator);
        using var client = await _data.ClientForAsync(educator);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();

        Assert.Equal(session.Id, (await listener.NextAsync<SessionStartedMessage>()).SessionId);
    }

    [Fact]
    public async Task An_anonymous_connection_is_refused()
    {
        using var client = app.CreateClient();
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(client.BaseAddress!, LiveHub.Path)).Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
