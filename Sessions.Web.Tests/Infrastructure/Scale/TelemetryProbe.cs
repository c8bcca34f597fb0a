using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Infrastructure.Diagnostics;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>
/// Listens to the portal's own activities and counters in-process. Counters are taken from one app's meter factory only,
/// so apps running side by side in the test process do not add to each other's figures.
/// </summary>
public sealed class TelemetryProbe : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    public TelemetryProbe(SessionsAppFactory app)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SessionsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SessionsTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => _counts.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _meters.Start();
    }

    /// <summary>Stopped activities named <paramref name="name"/> that carry the session's id.</summary>
    public IReadOnlyList<Activity> Activities(string name, Guid sessionId) =>
        [.. _stopped.Where(a => a.OperationName == name && a.GetTagItem(SessionsTelemetry.SessionIdTag) as string == sessionId.ToString())];

    public long Count(string instrument) => _counts.GetValueOrDefault(instrument);

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}
