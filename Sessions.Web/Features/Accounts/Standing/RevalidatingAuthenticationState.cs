using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Features.Accounts.Standing;

/// <summary>
/// A circuit keeps the user it started with for as long as the page stays open: this re-checks that user's standing
/// every <see cref="AuthOptions.RecheckEvery"/>, and when it no longer stands turns the circuit anonymous, which sends
/// authorized pages back to sign-in. It runs on <see cref="TimeProvider"/> time, as the rest of the portal does.
/// </summary>
internal sealed partial class RevalidatingAuthenticationState : ServerAuthenticationStateProvider, IDisposable
{
    private readonly UserStandings _standings;
    private readonly ILogger<RevalidatingAuthenticationState> _logger;
    private readonly CancellationTokenSource _disposed = new();
    private ITimer? _timer;

    public RevalidatingAuthenticationState(UserStandings standings, IOptions<AuthOptions> options, TimeProvider time,
        ILogger<RevalidatingAuthenticationState> logger)
    {
        _standings = standings;
        _logger = logger;
        var every = options.Value.RecheckEvery;
        // The first state is handed over when the circuit (or the server-rendered request) begins.
        AuthenticationStateChanged += _ => _timer ??= time.CreateTimer(_ => _ = RevalidateAsync(), null, every, every);
    }

    private async Task RevalidateAsync()
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (state.User.Identity?.IsAuthenticated == true && !await _standings.StillStandsAsync(state.User, _disposed.Token))
            {
                var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
                LogSignedOut(_logger, userId);
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A busy database: the next tick tries again; the circuit must not fall over meanwhile.
            LogFailed(_logger, exception);
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        // Cancelled, not disposed: a check still running may read its token.
        _disposed.Cancel();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed out the open pages of {UserId}: the account's credentials were revoked")]
    private static partial void LogSignedOut(ILogger logger, string? userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking a circuit's user failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
