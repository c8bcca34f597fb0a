using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;
using Xunit.Abstractions;

namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>
/// The real portal, a process of its own over a SQLite file and Google's Firestore emulator, is killed with SIGKILL in
/// the middle of a burst of starts, joins, ends and instant sessions, then started again on the same file (issue #12).
/// Nothing half done may survive the crash, and every notification owed to the mobile apps must reach Firestore.
/// </summary>
/// SQLite only: what it checks after the kill is the file's own integrity, which PostgreSQL's write-ahead log owns.
[Collection(FirestoreEmulatorGroup.Name)]
[Trait(DatabaseTraits.Name, DatabaseTraits.SqliteOnly)]
public sealed class CrashRecoveryTests(FirestoreEmulatorFixture emulator, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The kill goes out when the portal has answered this many requests of the burst.</summary>
    private const int KillAfterAnswers = 400;

    /// <summary>Long enough for a restarted portal on a busy machine; delivery usually takes well under a second.</summary>
    private static readonly TimeSpan DeliveryPatience = TimeSpan.FromSeconds(30);

    private readonly string _databasePath = TestDatabase.NewSqlitePath();
    private readonly string _projectId = FirestoreEmulatorFixture.NewProjectId();

    [Fact]
    public async Task A_portal_killed_mid_burst_comes_back_consistent_and_delivers_every_notification()
    {
        var runtime = Stopwatch.StartNew();
        var classes = await CrashCast.SeedAsync(_databasePath);

        var burst = await BurstUntilKilledAsync(classes);
        output.WriteLine(burst.Summary());
        TheKillCutALiveBurstThatHadNoServerError(burst);

        var restartedAt = runtime.Elapsed;
        await using var restarted = await StartPortalAsync();
        var recovered = await DeliveredAsync(classes);
        var deliveredAfter = runtime.Elapsed - restartedAt;
        output.WriteLine(recovered.Summary(burst.KilledAtUtc));

        CrashInvariants.TheFileIsIntact(recovered);
        CrashInvariants.EveryStatusIsKnown(recovered);
        CrashInvariants.NoEducatorHasTwoLiveSessions(recovered);
        CrashInvariants.TimesMatchEachStatus(recovered);
        CrashInvariants.NoInstantSessionWasLeftUnstarted(recovered);
        CrashInvariants.AttendanceIntervalsAreSane(recovered);
        CrashInvariants.CompletedSessionsHaveNoOpenIntervals(recovered);
        CrashInvariants.EveryTransitionHasExactlyOneNotification(recovered);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"From the restart (the portal's start-up included) to every row delivered: {deliveredAfter.TotalSeconds:0.0} s; the whole test: {runtime.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>
    /// Refusals are part of a burst (409s of the state machine, 429s of a rate limit: ProblemDetails with a code);
    /// a 5xx or a broken connection before the kill is not.
    /// </summary>
    private static void TheKillCutALiveBurstThatHadNoServerError(CrashBurst burst)
    {
        Assert.True(burst.Killed, "The portal was never killed: the burst ended first.");
        Assert.True(burst.InFlightAtKill > 0, "The kill came between requests, not during the burst.");
        Assert.All(burst.Outcomes, o => Assert.True(o.Failure is null || o.AfterKill, $"{o.Call} failed before the kill: {o.Failure}"));
        Assert.All(burst.Outcomes, o => Assert.True(o.Status is null or < 500, $"{o.Call} answered {o.Status} {o.Code}"));
        Assert.All(burst.Outcomes, o => Assert.True(o.Status is null or < 400 || o.Code is not null,
            $"{o.Call} answered {o.Status} without a ProblemDetails code"));
        Assert.All(new[] { BurstCall.Start, BurstCall.Join, BurstCall.End }, call =>
            Assert.Contains(burst.Outcomes, o => o.Call == call && o.Status is >= 200 and < 300 && !o.AfterKill));
    }

    private async Task<CrashBurst> BurstUntilKilledAsync(IReadOnlyList<SeededClass> classes)
    {
        await using var portal = await StartPortalAsync();
        using var http = new HttpClient { BaseAddress = portal.Url, Timeout = TimeSpan.FromSeconds(30) };
        var scripts = (await CrashCast.SignInAsync(http, classes)).Select(c => new ClassScripts(c)).ToList();
        await scripts[0].RunOneInstantSessionAsync(portal.Url);
        await Eventually.MatchesAsync(() => CrashSnapshot.ReadAsync(_databasePath), state => !state.Undelivered.Any(),
            "the warm-up session's notifications delivered", DeliveryPatience);

        var burst = new CrashBurst(http, KillAfterAnswers, portal.Kill);
        var lasted = Stopwatch.StartNew();
        await burst.RunAsync([.. scripts.SelectMany(s => s.All())]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The burst lasted {lasted.Elapsed.TotalSeconds:0.0} s."));
        return burst;
    }

    /// <summary>
    /// The killed portal's outbox claims outlive it until their lease lapses (real time, in a real process): the
    /// shortest lease lets the restarted portal take them over within the test's patience.
    /// </summary>
    private Task<PortalProcess> StartPortalAsync() =>
        PortalProcess.StartAsync(PortalProcess.Production, _databasePath, new Dictionary<string, string?>(emulator.NotifierSettings(_projectId))
        {
            [$"{OutboxOptions.Section}:{nameof(OutboxOptions.LeaseSeconds)}"] = "5",
        });

    /// <summary>
    /// Waits until the restarted portal has nothing left to send and every educator's document says what the
    /// database says; answers the database as it is then.
    /// </summary>
    private async Task<CrashSnapshot> DeliveredAsync(IReadOnlyList<SeededClass> classes)
    {
        using var host = emulator.CreateClientHost(_projectId);
        var firestore = host.Services.GetRequiredService<FirestoreClient>();
        var done = await Eventually.MatchesAsync(
            async () =>
            {
                var state = await CrashSnapshot.ReadAsync(_databasePath);
                var mismatches = new List<string>();
                foreach (var educatorId in classes.Select(c => c.EducatorId))
                {
                    var expected = state.ExpectedDocumentOf(educatorId);
                    var actual = DocumentState.Of(await firestore.ReadAsync(educatorId, CancellationToken.None));
                    if (expected != actual)
                    {
                        mismatches.Add($"educator {educatorId}: database says {expected?.ToString() ?? "no document"}, Firestore has {actual?.ToString() ?? "none"}");
                    }
                }
                return new Delivery(state, mismatches);
            },
            delivery => delivery.IsComplete,
            "every outbox row delivered and every educator's document matching the database",
            DeliveryPatience);
        return done.State;
    }

    private sealed record Delivery(CrashSnapshot State, IReadOnlyList<string> Mismatches)
    {
        public bool IsComplete => !State.Undelivered.Any() && Mismatches.Count == 0;

        public override string ToString() =>
            $"{State.Undelivered.Count()} rows undelivered ({State.Outbox.Count(m => m.State == OutboxState.Failed)} refused); {string.Join("; ", Mismatches)}";
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TestDatabase.SqliteFile(_databasePath).Delete();
        return Task.CompletedTask;
    }
}
