using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Notifications;

/// <summary>How the outbox dispatcher paces itself; the defaults suit production.</summary>
public sealed class NotifierOptions
{
    public const string Section = "Notifier";

    /// <summary>The first retry waits about this long; each further one doubles it, up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Notifier:RetryBaseDelay must be between 10 ms and 10 minutes.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Notifier:RetryMaxDelay must be between 10 ms and 1 hour.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A safety net: the dispatcher also looks for work this often, though a commit wakes it at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Notifier:PollInterval must be between 100 ms and 10 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 10_000, ErrorMessage = "Notifier:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 200;

    /// <summary>Writes to different educators' documents go out side by side; one educator's stay in order.</summary>
    [Range(1, 256, ErrorMessage = "Notifier:MaxParallelWrites must be between 1 and 256.")]
    public int MaxParallelWrites { get; set; } = 32;

    /// <summary>The health page reports the notifier degraded once the oldest undelivered row is older than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Notifier:DegradedAfter must be between 1 second and 1 hour.")]
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromSeconds(30);
}
