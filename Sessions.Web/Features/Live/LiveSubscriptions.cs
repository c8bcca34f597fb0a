using System.Collections.Concurrent;

namespace Sessions.Web.Features.Live;

/// <summary>
/// In-process delivery for Blazor circuits, fed by the same single publish as the hub, so a server-rendered page
/// never opens a SignalR connection back to its own server. Handlers must not block: components hand the event
/// to their renderer with <c>InvokeAsync</c>.
/// </summary>
public sealed partial class LiveSubscriptions(ILogger<LiveSubscriptions> logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _byGroup = new();

    /// <summary>Listens to groups no roster change takes anyone out of (an educator's own group).</summary>
    public IDisposable Subscribe(IEnumerable<string> groups, Action<LiveEvent> handler) => Subscribe("", groups, handler, _ => { });

    /// <param name="userId">Whose page listens: a roster change that removes them from a group ends their listening there.</param>
    /// <param name="removed">Told the group a roster change removed the user from.</param>
    public IDisposable Subscribe(string userId, IEnumerable<string> groups, Action<LiveEvent> handler, Action<string> removed)
    {
        var subscription = new Subscription(this, userId, [.. groups], handler, removed);
        foreach (var group in subscription.Groups)
        {
            _byGroup.GetOrAdd(group, _ => new()).TryAdd(subscription, 0);
        }
        return subscription;
    }

    /// <summary>The user's pages stop hearing <paramref name="group"/>, and are told so.</summary>
    internal void RemoveUser(string userId, string group)
    {
        if (!_byGroup.TryGetValue(group, out var subscribers))
        {
            return;
        }
        foreach (var subscription in subscribers.Keys.Where(s => s.UserId == userId))
        {
            if (subscribers.TryRemove(subscription, out _))
            {
                subscription.Removed(group);
            }
        }
    }

    internal void Publish(IReadOnlyList<string> groups, LiveEvent liveEvent)
    {
        var delivered = groups.Count > 1 ? new HashSet<Subscription>() : null;
        foreach (var group in groups)
        {
            if (!_byGroup.TryGetValue(group, out var subscribers))
            {
                continue;
            }
            foreach (var subscription in subscribers.Keys)
            {
                if (delivered is null || delivered.Add(subscription))
                {
                    Deliver(subscription, liveEvent);
                }
            }
        }
    }

    private void Deliver(Subscription subscription, LiveEvent liveEvent)
    {
        try
        {
            subscription.Handler(liveEvent);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // One broken page must not stop the others from hearing the event.
            LogHandlerFailed(logger, exception, liveEvent.GetType().Name, liveEvent.SessionId);
        }
    }

    private void Remove(Subscription subscription)
    {
        foreach (var group in subscription.Groups)
        {
            if (_byGroup.TryGetValue(group, out var subscribers))
            {
                subscribers.TryRemove(subscription, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A live subscriber failed to handle {EventType} for session {SessionId}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string eventType, Guid sessionId);

    private sealed class Subscription(LiveSubscriptions owner, string userId, string[] groups, Action<LiveEvent> handler,
        Action<string> removed) : IDisposable
    {
        public string UserId { get; } = userId;
        public string[] Groups { get; } = groups;
        public Action<LiveEvent> Handler { get; } = handler;
        public Action<string> Removed { get; } = removed;

        public void Dispose() => owner.Remove(this);
    }
}
