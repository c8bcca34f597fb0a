using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Live.Bus;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Live;

/// <summary>
/// Two portal instances over one database and one Redis: what is published on A reaches B's hub clients and pages exactly
/// once. "Once" is shown by order: each connection hears events in publish order, so a duplicate would arrive before the
/// sentinel that follows it.
/// </summary>
public sealed class LiveBusAcrossInstancesTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_start_on_A_reaches_a_student_connected_to_B_once()
    {
        await using var apps = await TwoInstances.StartAsync(redis);
        var (a, b) = (apps.A, apps.B);
        var educator = await a.Data.EducatorAsync("Mr. Across");
        var student = await a.Data.StudentAsync();
        var schoolClass = await a.Data.ClassAsync(educator, student);
        var session = await a.Data.SessionAsync(schoolClass);
        await using var onB = await LiveListener.ConnectAsync(b, student);
        await using var onA = await LiveListener.ConnectAsync(a, student);
        var pageOnB = Channel.CreateUnbounded<LiveEvent>();
        using var subscription = b.Services.GetRequiredService<LiveSubscriptions>()
            .Subscribe([LiveGroups.ForClass(schoolClass.Id)], e => pageOnB.Writer.TryWrite(e));
        using var teacher = await a.Data.ClientForAsync(educator);

        await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/end", null)).ShouldBeOkAsync();

        foreach (var listener in new[] { onB, onA })
        {
            var started = await listener.NextAsync<SessionStartedMessage>();
            Assert.Equal(session.Id, started.SessionId);
            Assert.Equal("Mr. Across", started.EducatorName);
            Assert.Equal(session.Id, (await listener.NextAsync<SessionEndedMessage>()).SessionId);
        }
        Assert.IsType<SessionStartedMessage>(await NextAsync(pageOnB));
        Assert.IsType<SessionEndedMessage>(await NextAsync(pageOnB));
    }

    [Fact]
    public async Task A_removal_on_A_takes_the_students_connection_on_B_out_of_the_class()
    {
        await using var apps = await TwoInstances.StartAsync(redis);
        var (a, b) = (apps.A, apps.B);
        var educator = await a.Data.EducatorAsync();
        var student = await a.Data.StudentAsync();
        var leftClass = await a.Data.ClassAsync(educator, student, await a.Data.StudentAsync());
        var keptClass = await a.Data.ClassAsync(await a.Data.EducatorAsync(), student, await a.Data.StudentAsync());
        var inLeftClass = await a.Data.SessionAsync(leftClass);
        var inKeptClass = await a.Data.SessionAsync(keptClass);
        await using var onB = await LiveListener.ConnectAsync(b, student);
        using var teacher = await a.Data.ClientForAsync(educator);

        var removed = await teacher.DeleteAsync($"/api/classes/{leftClass.Id}/students/{student.Id}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(new MembershipChangedMessage(leftClass.Id, Enrolled: false), await onB.NextAsync<MembershipChangedMessage>());
        await (await teacher.PostAsync($"/api/sessions/{inLeftClass.Id}/start", null)).ShouldBeOkAsync();
        using var otherTeacher = await a.Data.ClientForAsync(await UserAsync(a, keptClass.EducatorId));
        await (await otherTeacher.PostAsync($"/api/sessions/{inKeptClass.Id}/start", null)).ShouldBeOkAsync();
        // Had the first start reached B's connection, it would have arrived before the second.
        Assert.Equal(inKeptClass.Id, (await onB.NextAsync<SessionStartedMessage>()).SessionId);
    }

    [Fact]
    public async Task Readiness_includes_Redis()
    {
        await using var apps = await TwoInstances.StartAsync(redis);
        using var client = apps.B.CreateClient();

        var ready = await (await client.GetAsync(HealthEndpoints.ReadyPath)).ShouldBeOkAsync();

        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty(RedisHealthCheck.Name).GetProperty("status").GetString());
    }

    private static async Task<AppUser> UserAsync(SessionsAppFactory app, string id)
    {
        await using var db = await app.Data.DbAsync();
        return await db.Users.FindAsync(id) ?? throw new InvalidOperationException($"No user {id}.");
    }

    private static async Task<LiveEvent> NextAsync(Channel<LiveEvent> channel)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}
