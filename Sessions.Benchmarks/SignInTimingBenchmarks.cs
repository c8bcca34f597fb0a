using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sessions.LoadTest;
using Sessions.Web.Features.Accounts;

namespace Sessions.Benchmarks;

/// <summary>
/// A wrong password for an email that has an account, beside one for an email that has none, through
/// <see cref="PasswordSignIn"/> as the app wires it, with the portal's real password hashing (accounts created by
/// Identity at its default cost): the two must cost the same, or the timing tells an attacker which emails exist.
/// Each email is tried fewer times than the lockout allows, so every call checks a password.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: Iterations, invocationCount: CallsPerIteration)]
public class SignInTimingBenchmarks
{
    private const int Iterations = 5;
    private const int CallsPerIteration = 40;
    private const int TriesPerEmail = 4;

    private readonly InProcessPortal _portal = new();
    private List<string> _emails = default!;
    private int _next;
    private int _unexpected;

    [Params("known email", "unknown email")]
    public string Email { get; set; } = "";

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var database = _portal.DatabasePath;
        await LargeSeed.RunAsync(new Arguments(["--database", database, "--classes", "1", "--students-per-class", "1"]));
        _portal.Build();

        // The engine's first call, the warm-up and the iterations.
        var needed = ((Iterations + 2) * CallsPerIteration / TriesPerEmail) + 1;
        _emails = [.. Enumerable.Range(1, needed).Select(n => string.Create(CultureInfo.InvariantCulture, $"timing{n}@example.com"))];
        if (Email == "known email")
        {
            await using var scope = _portal.App.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            foreach (var email in _emails)
            {
                await accounts.CreateAsync(email, "Timing", "UTC", LargeSeed.Password, AppRoles.Student);
            }
        }
    }

    [Benchmark]
    public async Task WrongPassword()
    {
        var email = _emails[_next++ / TriesPerEmail];
        await using var scope = _portal.App.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var result = await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().CheckAsync(http, email, "wrong-password", CancellationToken.None);
        if (result.Error?.Code != AccountErrors.InvalidCredentials.Code)
        {
            _unexpected++;
        }
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _portal.DisposeAsync();
        if (_unexpected > 0)
        {
            throw new InvalidOperationException($"{_unexpected} sign-ins did not answer invalid_credentials: the figure would not be of password checks.");
        }
    }
}
