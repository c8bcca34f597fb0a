namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>
/// In-process instances over one database and one clock with the outbox's Firestore notifier on, each its own
/// dispatcher. <see cref="TwoInstances"/> in shape, with settings of the test's own, which that one does not take.
/// </summary>
internal sealed class NotifyingInstances(IReadOnlyList<SessionsAppFactory> apps) : IAsyncDisposable
{
    public SessionsAppFactory this[int index] => apps[index];

    public static async Task<NotifyingInstances> StartAsync(int count, IReadOnlyDictionary<string, string?> settings)
    {
        var first = new SessionsAppFactory(SessionsAppFactory.NewDatabasePath(), settings, ownsDatabase: true);
        await first.InitializeAsync();
        var apps = new List<SessionsAppFactory> { first };
        while (apps.Count < count)
        {
            var next = new SessionsAppFactory(first.DatabasePath, settings, ownsDatabase: false, time: first.Time);
            await next.InitializeAsync();
            apps.Add(next);
        }
        return new NotifyingInstances(apps);
    }

    public async ValueTask DisposeAsync()
    {
        // The first last: it deletes the database the others use.
        foreach (var app in apps.Reverse())
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
