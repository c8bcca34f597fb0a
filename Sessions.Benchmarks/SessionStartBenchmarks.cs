using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.LoadTest;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure;

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

    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-bench-").FullName;
    private WebApplication _app = default!;
    private SessionService _sessions = default!;
    private List<SeededSession> _seeded = default!;
    private int _next;
    private int _refused;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var database = Path.Combine(_folder, "sessions.db");
        // The engine's first call, the warm-up and the memory diagnoser's extra iteration use sessions too.
        var needed = (Iterations + 3) * StartsPerIteration;
        await LargeSeed.RunAsync(new Arguments(["--database", database, "--classes", needed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--students-per-class", "20"]));
        _seeded = await SeededSessions.NotStartedAsync(database, needed);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sessions"] = $"Data Source={database}",
            ["Agora:AppId"] = "0123456789abcdef0123456789abcdef",
            ["Agora:AppCertificate"] = "fedcba9876543210fedcba9876543210",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddSessionsWeb();
        _app = builder.Build();
        _sessions = _app.Services.GetRequiredService<SessionService>();
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
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        if (_refused > 0)
        {
            throw new InvalidOperationException($"{_refused} starts were refused: the figure would not be of successful starts.");
        }
    }
}
