namespace Sessions.Web.Features.Sessions;

/// <summary>
/// Applies <see cref="SessionDeadlines"/> every second of <see cref="TimeProvider"/> time. It keeps no state of its
/// own: after a restart the first pass catches up on whatever fell due while the portal was down.
/// </summary>
public sealed partial class SessionLifecycleWorker(SessionDeadlines deadlines, TimeProvider time, ILogger<SessionLifecycleWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var made = await deadlines.ApplyDueAsync(stoppingToken);
                if (made > 0)
                {
                    LogApplied(logger, made);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A locked or briefly unavailable database: the next tick tries again.
                LogFailed(logger, exception);
            }
        }
        while (await ticks.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Made {Count} due session transitions")]
    private static partial void LogApplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying due session transitions failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
