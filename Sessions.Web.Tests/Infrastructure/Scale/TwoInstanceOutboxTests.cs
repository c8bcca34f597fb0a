using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Diagnostics;
using Sessions.Web.Tests.Features.Sessions.CrashRecovery;
using Sessions.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>
/// Instances sharing one outbox and Google's Firestore emulator. What reached the emulator is read from the dispatchers'
/// own delivery activities (one per attempt, tagged with the row and its session, an error status unless Firestore
/// acknowledged), which every in-process instance records on the same static source.
/// </summary>
[Collection(FirestoreEmulatorGroup.Name)]
public sealed class TwoInstanceOutboxTests(FirestoreEmulatorFixture emulator, ITestOutputHelper output)
{
    private const string Delivery = "outbox deliver";
    private const string LeaseSeconds = "5";

    [Fact]
    public async Task Rows_written_on_two_instances_reach_the_emulator_once_each_in_order_per_educator()
    {
        var projectId = FirestoreEmulatorFixture.NewProjectId();
        await using var apps = await TwoInstances.StartAsync(emulator.NotifierSettings(projectId));
        var (a, b) = (apps.A, apps.B);
        var educators = new List<(AppUser Educator, Guid First, Guid Second)>();
        for (var i = 0; i < 4; i++)
        {
            var educator = await a.Data.EducatorAsync($"Outbox teacher {i}");
            var schoolClass = await a.Data.ClassAsync(educator, await a.Data.StudentAsync());
            educators.Add((educator, (await a.Data.SessionAsync(schoolClass)).Id, (await a.Data.SessionAsync(schoolClass)).Id));
        }
        using var deliveries = new TelemetryProbe(a);

        // Each educator's four transitions go in turn to A and B, and the educators run side by side, so both dispatchers
        // are woken by rows of several keys at once and race to claim them. Half the educators wait for each transition
        // to reach their document, so every one of their rows must go out; the other half hurry on, so a newer row is
        // often written while an older one is in flight on the other instance (or retires it unsent).
        await Task.WhenAll(educators.Select(async (e, i) =>
        {
            using var onA = await a.Data.ClientForAsync(e.Educator);
            using var onB = await b.Data.ClientForAsync(e.Educator);
            foreach (var (client, sessionId, action, status) in new[]
            {
                (onA, e.First, "start", NotifierContract.InProgress), (onB, e.First, "end", NotifierContract.Completed),
                (onB, e.Second, "start", NotifierContract.InProgress), (onA, e.Second, "end", NotifierContract.Completed),
            })
            {
                await (await client.PostAsync($"{SessionEndpoints.ApiGroup}/{sessionId}/{action}", null)).ShouldBeOkAsync();
                if (IsPatient(i))
                {
                    await NotifierFixture.DocumentAsync(a, e.Educator.Id, d => DocumentState.Of(d) is { } s && (s.Status, s.SessionId) == (status, sessionId));
                }
            }
        }));

        foreach (var (educator, _, second) in educators)
        {
            var ended = await a.Data.ReloadAsync(second);
            var expected = new DocumentState(NotifierContract.Completed, second, ended.ActualEndUtc);
            await NotifierFixture.DocumentAsync(a, educator.Id, document => DocumentState.Of(document) == expected);
        }
        var rows = await SettledRowsAsync(a, [.. educators.Select(e => e.Educator.Id)]);
        Assert.Equal(educators.Count * 4, rows.Count);
        output.WriteLine($"{rows.Count(m => m.State == OutboxState.Delivered)} rows delivered, {rows.Count(m => m.State == OutboxState.Superseded)} superseded.");
        foreach (var ((educator, first, second), patient) in educators.Select((e, i) => (e, IsPatient(i))))
        {
            var own = rows.Where(m => m.Key == educator.Id).ToList();
            // The newest row of a document always goes out; an older one may be retired unsent by a newer one (superseded).
            Assert.Equal(OutboxState.Delivered, own[^1].State);
            if (patient)
            {
                Assert.All(own, m => Assert.Equal(OutboxState.Delivered, m.State));
            }
            var acknowledged = Acknowledged(deliveries, first, second);
            foreach (var row in own)
            {
                Assert.Equal(row.State == OutboxState.Delivered ? 1 : 0, acknowledged.Count(id => id == row.Id));
            }
            // Activities stop in the order the emulator acknowledged them: one key's rows never overlap.
            Assert.Equal(acknowledged.Order(), acknowledged);
        }
    }

    [Fact]
    public async Task Rows_held_by_an_instance_killed_mid_pass_wait_for_their_lease_then_go_out_once_from_the_other()
    {
        var projectId = FirestoreEmulatorFixture.NewProjectId();
        var leased = new Dictionary<string, string?>(emulator.NotifierSettings(projectId))
        {
            [$"{OutboxOptions.Section}:{nameof(OutboxOptions.LeaseSeconds)}"] = LeaseSeconds,
        };
        await using var owned = await OwnedApp.StartAsync(leased);
        var survivor = owned.App;
        var sessions = new List<(AppUser Educator, Guid SessionId)>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add(await EducatorWithSessionAsync(survivor, $"Held teacher {i}"));
        }
        var (control, controlSession) = await EducatorWithSessionAsync(survivor, "Control teacher");
        var tokens = await Task.WhenAll(sessions.Select(s => survivor.Data.TokenForAsync(s.Educator)));
        using var controlClient = await survivor.Data.ClientForAsync(control);
        using var deliveries = new TelemetryProbe(survivor);
        using var silent = new SilentEndpoint();
        // The doomed instance's Firestore never answers and its calls wait two minutes: whatever it claims, it still
        // holds when the kill comes.
        await using var doomed = await PortalBeside.StartAsync(survivor, new Dictionary<string, string?>(leased)
        {
            [$"{FirestoreOptions.Section}:{nameof(FirestoreOptions.EmulatorHost)}"] = silent.HostAndPort,
            [$"{FirestoreOptions.Section}:{nameof(FirestoreOptions.CallTimeout)}"] = "00:02:00",
        });
        using var http = new HttpClient { BaseAddress = doomed.Url };

        // Started on the doomed instance, whose commits wake its own dispatcher; the survivor's sleeps on the fake clock.
        await Released.TogetherAsync(sessions.Select((s, i) => (Func<Task<bool>>)(async () =>
        {
            using var start = new HttpRequestMessage(HttpMethod.Post, $"{SessionEndpoints.ApiGroup}/{s.SessionId}/start");
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i]);
            await (await http.SendAsync(start)).ShouldBeOkAsync();
            return true;
        })));
        var keys = sessions.Select(s => s.Educator.Id).ToList();
        await Eventually.MatchesAsync(() => RowsAsync(survivor, keys), rows => rows.Any(m => m.ClaimedBy is not null),
            "the doomed instance to claim a row and hang on its delivery");
        doomed.Kill();

        var left = await RowsAsync(survivor, keys);
        var held = left.Where(m => m.ClaimedBy is not null).ToList();
        output.WriteLine($"The killed instance held {held.Count} of {left.Count} rows.");
        Assert.NotEmpty(held);
        Assert.All(left, m => Assert.Equal(OutboxState.Pending, m.State));
        Assert.DoesNotContain(held, m => m.ClaimedBy == InstanceIdOf(survivor));

        // The rows were stamped by the doomed process's wall clock: the survivor's fake one is brought up to them, still
        // inside the lease, so that only the lease keeps the survivor off them. A start on the survivor then wakes its
        // dispatcher at once: that pass takes what is free and leaves what the dead instance's lease still covers.
        MoveTo(survivor, left.Max(m => m.NextAttemptUtc) + TimeSpan.FromSeconds(1));
        Assert.True(survivor.Time.GetUtcNow().UtcDateTime < held.Min(m => m.ClaimedUntilUtc!.Value), "The lease lapsed before the survivor could look.");
        await (await controlClient.PostAsync($"{SessionEndpoints.ApiGroup}/{controlSession}/start", null)).ShouldBeOkAsync();
        // Tried, whatever the emulator answered: the pass that claimed it has looked at every row and recorded its outcome.
        await Eventually.MatchesAsync(() => RowsAsync(survivor, [control.Id]), rows => rows is [{ Attempts: > 0 }],
            "the survivor's pass over its own start");
        var stillHeld = await RowsAsync(survivor, [.. held.Select(m => m.Key)]);
        Assert.Equal(held.Select(m => (m.Id, m.ClaimedBy, OutboxState.Pending)), stillHeld.Select(m => (m.Id, m.ClaimedBy, m.State)));

        MoveTo(survivor, held.Max(m => m.ClaimedUntilUtc!.Value) + TimeSpan.FromSeconds(1));
        foreach (var (educator, sessionId) in sessions.Append((control, controlSession)))
        {
            await NotifierFixture.DocumentAsync(survivor, educator.Id,
                document => DocumentState.Of(document) == new DocumentState(NotifierContract.InProgress, sessionId, null));
        }
        var delivered = await SettledRowsAsync(survivor, [.. keys, control.Id]);
        Assert.All(delivered, m => Assert.Equal(OutboxState.Delivered, m.State));
        var acknowledged = Acknowledged(deliveries, [.. sessions.Select(s => s.SessionId), controlSession]);
        Assert.Equal(delivered.Select(m => m.Id).Order(), acknowledged.Order());
    }

    private static async Task<(AppUser Educator, Guid SessionId)> EducatorWithSessionAsync(SessionsAppFactory app, string name)
    {
        var educator = await app.Data.EducatorAsync(name);
        return (educator, (await app.Data.SessionAsync(await app.Data.ClassAsync(educator, await app.Data.StudentAsync()))).Id);
    }

    /// <summary>The ids of these sessions' outbox rows the emulator acknowledged, once per acknowledgement, in the order it gave them.</summary>
    private static List<long> Acknowledged(TelemetryProbe probe, params Guid[] sessionIds) =>
    [
        .. sessionIds.SelectMany(id => probe.Activities(Delivery, id))
            .Where(activity => activity.Status != ActivityStatusCode.Error)
            .OrderBy(activity => activity.StartTimeUtc + activity.Duration)
            .Select(activity => (long)activity.GetTagItem(SessionsTelemetry.OutboxIdTag)!),
    ];

    private static void MoveTo(SessionsAppFactory app, DateTime utc)
    {
        var ahead = utc - app.Time.GetUtcNow().UtcDateTime;
        if (ahead > TimeSpan.Zero)
        {
            app.Time.Advance(ahead);
        }
    }

    private static bool IsPatient(int educator) => educator % 2 == 0;

    private static string InstanceIdOf(SessionsAppFactory app) =>
        app.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single().InstanceId;

    private static async Task<List<OutboxMessage>> RowsAsync(SessionsAppFactory app, IReadOnlyCollection<string> educatorIds)
    {
        await using var db = await app.Data.DbAsync();
        return await db.Outbox.AsNoTracking()
            .Where(m => m.Type == SessionNotifications.Type && educatorIds.Contains(m.Key))
            .OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>
    /// The rows once none is pending: a document can show the newest row a moment before its dispatcher records the
    /// acknowledgement.
    /// </summary>
    private static Task<List<OutboxMessage>> SettledRowsAsync(SessionsAppFactory app, IReadOnlyCollection<string> educatorIds) =>
        Eventually.MatchesAsync(() => RowsAsync(app, educatorIds), rows => rows.All(m => m.State != OutboxState.Pending && m.ClaimedBy is null),
            "every outbox row delivered or superseded");
}
