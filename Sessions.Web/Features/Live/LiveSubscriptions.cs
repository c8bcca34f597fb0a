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
    private readonly ConcurrentDictionary<WatchKey, ConcurrentDictionary<MembershipWatch, byte>> _watches = new();

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

    /// <summary>
    /// Tells a page of the user's each time a roster change enrols them in a class or removes them from one (after their
    /// group subscriptions have stopped hearing a class they left), so a list of their classes can follow.
    /// </summary>
    public IDisposable WatchMembership(string userId, Action<MembershipChangedMessage> handler) => Watch(WatchKey.User(userId), handler);

    /// <summary>Tells a page showing a class's roster each time a roster change enrols someone in it or removes someone from it.</summary>
    public IDisposable WatchRoster(int classId, Action<MembershipChangedMessage> handler) => Watch(WatchKey.Class(classId), handler);

    /// <summary>A roster change reached this process: a removed user's pages stop hearing the class, then the watchers are told.</summary>
    internal void MembershipChanged(string userId, MembershipChangedMessage change)
    {
        if (!change.Enrolled)
        {
            RemoveUser(userId, LiveGroups.ForClass(change.ClassId));
        }
        Notify(WatchKey.User(userId), change);
        Notify(WatchKey.Class(change.ClassId), change);
    }

    private MembershipWatch Watch(WatchKey key, Action<MembershipChangedMessage> handler)
    {
        var watch = new MembershipWatch(this, key, handler);
        _watches.GetOrAdd(key, _ => new()).TryAdd(watch, 0);
        return watch;
    }

    private void Notify(WatchKey key, MembershipChangedMessage change)
    {
        if (!_watches.TryGetValue(key, out var watches))
        {
            return;
        }
        foreach (var watch in watches.Keys)
        {
            try
            {
                watch.Handler(change);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogWatchFailed(logger, exception, change.ClassId);
            }
        }
    }

    /// <summary>The user's pages stop hearing <paramref name="group"/>, and are told so.</summary>
    private void RemoveUser(string userId, string group)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A membership watcher failed to handle a roster change of class {ClassId}")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, int classId);

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

    /// <summary>Whose roster changes a watch hears: one user's, or one class's.</summary>
    private readonly record struct WatchKey(string? UserId, int? ClassId)
    {
        public static WatchKey User(string userId) => new(userId, null);

        public static WatchKey Class(int classId) => new(null, classId);
    }

    private sealed class MembershipWatch(LiveSubscriptions owner, WatchKey key, Action<MembershipChangedMessage> handler) : IDisposable
    {
        public Action<MembershipChangedMessage> Handler { get; } = handler;

        public void Dispose()
        {
            if (owner._watches.TryGetValue(key, out var watches))
            {
                watches.TryRemove(this, out _);
            }
        }
    }
}
