using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Notifications;

/// <summary>How the outbox dispatcher paces itself and how long its claims last; the defaults suit production.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How long a claim keeps other instances off a row. It must outlast a whole pass (every handler call has its own
    /// deadline, a few seconds), or a slow instance could still be sending when another takes the row over.
    /// </summary>
    [Range(5, 3600, ErrorMessage = "Outbox:LeaseSeconds must be between 5 and 3600.")]
    public int LeaseSeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>The first retry waits about this long; each further one doubles it, up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Outbox:RetryBaseDelay must be between 10 ms and 10 minutes.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Outbox:RetryMaxDelay must be between 10 ms and 1 hour.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A safety net: the dispatcher also looks for work this often, though a commit wakes it at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Outbox:PollInterval must be between 100 ms and 10 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many rows are claimed per pass.</summary>
    [Range(1, 10_000, ErrorMessage = "Outbox:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 200;

    /// <summary>Rows of different keys go out side by side; one key's stay in order.</summary>
    [Range(1, 256, ErrorMessage = "Outbox:MaxParallelWrites must be between 1 and 256.")]
    public int MaxParallelWrites { get; set; } = 32;

    /// <summary>The health page reports the outbox degraded once the oldest undelivered row is older than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Outbox:DegradedAfter must be between 1 second and 1 hour.")]
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromSeconds(30);
}
