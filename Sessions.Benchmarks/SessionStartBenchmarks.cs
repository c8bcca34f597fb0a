using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using Sessions.LoadTest;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;

namespace Sessions.Benchmarks;

/// <summary>
/// <see cref="SessionService.StartAsync"/> as the app wires it (its own DI registration, a WAL SQLite file), one start
/// after another, each of a different seeded session: the checks, the conditional update with its outbox row, the
/// broadcast (no one listening) and the starter's tokens. Every invocation uses up a session, hence fixed counts.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: Iterations, invocationCount: StartsPerIteration)]
public class SessionStartBenchmarks
{
    private const int Iterations = 5;
    private const int StartsPerIteration = 400;

    private readonly InProcessPortal _portal = new();
    private SessionService _sessions = default!;
    private List<SeededSession> _seeded = default!;
    private int _next;
    private int _refused;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var database = _portal.DatabasePath;
        // The engine's first call, the warm-up and the memory diagnoser's extra iteration use sessions too.
        var needed = (Iterations + 3) * StartsPerIteration;
        await LargeSeed.RunAsync(new Arguments(["--database", database, "--classes", needed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--students-per-class", "20"]));
        _seeded = await SeededSessions.NotStartedAsync(LoadDatabase.SqliteFile(database), needed);

        _portal.Build();
        _sessions = _portal.App.Services.GetRequiredService<SessionService>();
    }

    [Benchmark]
    public async Task StartAsync()
    {
        var session = _next < _seeded.Count
            ? _seeded[_next++]
            : throw new InvalidOperationException("Every seeded session is started: seed more for this job's invocation counts.");
        var result = await _sessions.StartAsync(new SessionActor(session.EducatorId, IsAdmin: false, IsEducator: true), session.SessionId,
            CancellationToken.None);
        if (result.Error is not null)
        {
            _refused++;
        }
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _portal.DisposeAsync();
        if (_refused > 0)
        {
            throw new InvalidOperationException($"{_refused} starts were refused: the figure would not be of successful starts.");
        }
    }
}
