using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions;

[Collection(AppFixtureGroup.Name)]
public sealed class ConcurrentStartTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Twenty_concurrent_starts_from_page_and_api_make_one_transition_and_one_broadcast()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        var session = await _data.SessionAsync(schoolClass);
        await using var listener = await LiveListener.ConnectAsync(app, student);
        var localStarts = 0;
        using var subscription = app.Services.GetRequiredService<LiveSubscriptions>()
            .Subscribe([LiveGroups.ForClass(schoolClass.Id)], e => Interlocked.Add(ref localStarts, e is SessionStartedMessage ? 1 : 0));
        using var client = await _data.ClientForAsync(educator);
        var service = app.Services.GetRequiredService<SessionService>();
        var actor = TestData.ActorFor(educator, AppRoles.Educator);
        using var gate = new ManualResetEventSlim();

        // The educator's page calls the service directly; the apps call the two HTTP routes.
        var starts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            gate.Wait();
            return (i % 3) switch
            {
                0 => (await service.StartAsync(actor, session.Id, CancellationToken.None)).Value!.ActualStartUtc,
                1 => (await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync())
                    .GetProperty("data").GetProperty("session").GetProperty("started_at").GetDateTimeOffset().UtcDateTime,
                _ => (await (await MobileApi.StartAsync(client, educator.Id, session.Id)).ShouldBeOkAsync())
                    .GetProperty("actualStartDate").GetDateTimeOffset().UtcDateTime,
            };
        })).ToList();
        gate.Set();
        var startTimes = await Task.WhenAll(starts);

        Assert.Single(startTimes.Distinct());
        Assert.Equal((await _data.ReloadAsync(session.Id)).ActualStartUtc, startTimes[0]);
        // End it, then wait for that event: every start broadcast would have arrived before it.
        await (await client.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();
        Assert.IsType<SessionStartedMessage>(await listener.NextAsync());
        Assert.IsType<SessionEndedMessage>(await listener.NextAsync());
        Assert.Equal(1, localStarts);
    }

    [Fact]
    public async Task Racing_starts_of_one_educators_sessions_start_one_and_refuse_the_rest_as_educator_already_live()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        var sessions = new List<Session>();
        for (var i = 0; i < 10; i++)
        {
            sessions.Add(await _data.SessionAsync(schoolClass));
        }
        using var client = await _data.ClientForAsync(educator);
        using var gate = new ManualResetEventSlim();

        var starts = sessions.Select(session => Task.Run(async () =>
        {
            gate.Wait();
            return await client.PostAsync($"/api/sessions/{session.Id}/start", null);
        })).ToList();
        gate.Set();
        var replies = await Task.WhenAll(starts);

        Assert.Single(replies, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in replies.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "educator_already_live");
        }
    }
}
