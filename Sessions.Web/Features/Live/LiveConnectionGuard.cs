using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Standing;

namespace Sessions.Web.Features.Live;

/// <summary>
/// Closes open hub connections whose user no longer stands (locked, password or role changed): a connection is
/// authenticated once, when it opens, and would otherwise keep hearing its classes for as long as it stays open.
/// </summary>
public sealed partial class LiveConnectionGuard(
    LiveConnections connections,
    UserStandings standings,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<LiveConnectionGuard> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(options.Value.RecheckEvery, time);
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var fallen in await standings.FallenAsync(connections.All(), c => c.Credential, stoppingToken))
                {
                    LogClosed(logger, fallen.Context.ConnectionId, fallen.Credential.UserId);
                    fallen.Context.Abort();
                }
                standings.ForgetStale();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A busy database: the next tick tries again.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed hub connection {ConnectionId} of {UserId}: the account's credentials were revoked")]
    private static partial void LogClosed(ILogger logger, string connectionId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking the hub's connections failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
