using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

/// <summary>
/// The app with its lifecycle worker running on a fake clock, restartable over the same database and timeline. The
/// notifier is on but its Firestore is unreachable, so the outbox rows each transition owes stay where a test can count them.
/// </summary>
public sealed class LifecycleWorkerApp : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Firestore:Enabled"] = "true",
        ["Firestore:EmulatorHost"] = "127.0.0.1:9",
        ["Firestore:ProjectId"] = "demo-lifecycle",
    };

    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly List<LiveEvent> _heard = [];
    private readonly List<string> _followed = [];
    private readonly List<IDisposable> _subscriptions = [];

    public SessionsAppFactory App { get; private set; } = default!;

    public FakeTimeProvider Time => _time;

    /// <summary>Every live event the running app published, in order, across restarts.</summary>
    public IReadOnlyList<LiveEvent> Heard
    {
        get
        {
            lock (_heard)
            {
                return [.. _heard];
            }
        }
    }

    public async Task StartAsync()
    {
        App = new SessionsAppFactory(_database, Settings, ownsDatabase: false, _time, runsLifecycleWorker: true);
        await App.InitializeAsync();
        _followed.ForEach(Subscribe);
    }

    /// <summary>Hears a live group (a class, an educator) as its pages would, from now on and after every restart.</summary>
    public void Follow(string group)
    {
        _followed.Add(group);
        Subscribe(group);
    }

    public async Task StopAsync()
    {
        _subscriptions.ForEach(s => s.Dispose());
        _subscriptions.Clear();
        await App.DisposeAsync();
    }

    private void Subscribe(string group) =>
        _subscriptions.Add(App.Services.GetRequiredService<LiveSubscriptions>().Subscribe([group], e =>
        {
            lock (_heard)
            {
                _heard.Add(e);
            }
        }));

    public async Task<Session> ReadAsync(Guid sessionId) => await App.Data.ReloadAsync(sessionId);

    public Task<Session> WhenAsync(Guid sessionId, SessionStatus status) =>
        Eventually.MatchesAsync(() => ReadAsync(sessionId), s => s.Status == status, $"session {sessionId} to be {WireNames.Of(status)}");

    public async Task<List<SessionNotification>> OutboxOfAsync(Guid sessionId)
    {
        await using var db = await App.Data.DbAsync();
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Type == SessionNotifications.Type).OrderBy(m => m.Id).ToListAsync();
        return rows.Select(SessionNotification.Of).Where(n => n.SessionId == sessionId).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _database.Delete();
    }
}
