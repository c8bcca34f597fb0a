using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Sessions.Web.Features.Accounts.Standing;

namespace Sessions.Web.Features.Live;

/// <summary>
/// This instance's open hub connections, by user: what a revoked credential or a roster change must reach. Changes to
/// one user's connections and groups are serialized, so a roster change cannot slip between a new connection reading
/// its classes and joining their groups.
/// </summary>
public sealed class LiveConnections
{
    private const int Stripes = 64;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LiveConnection>> _byUser = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim[] _userLocks = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    public void Add(LiveConnection connection) =>
        _byUser.GetOrAdd(connection.Credential.UserId, _ => new(StringComparer.Ordinal))[connection.Context.ConnectionId] = connection;

    public void Remove(string userId, string connectionId)
    {
        if (_byUser.TryGetValue(userId, out var connections) && connections.TryRemove(connectionId, out _) && connections.IsEmpty)
        {
            _byUser.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, LiveConnection>>(userId, connections));
        }
    }

    public IReadOnlyList<LiveConnection> Of(string userId) =>
        _byUser.TryGetValue(userId, out var connections) ? [.. connections.Values] : [];

    public IReadOnlyList<LiveConnection> All() => [.. _byUser.Values.SelectMany(connections => connections.Values)];

    /// <summary>Holds the user's lock until disposed.</summary>
    public async Task<IDisposable> LockAsync(string userId, CancellationToken ct)
    {
        var userLock = _userLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(userId) % Stripes)];
        await userLock.WaitAsync(ct);
        return new Release(userLock);
    }

    private sealed class Release(SemaphoreSlim userLock) : IDisposable
    {
        public void Dispose() => userLock.Release();
    }
}

/// <summary>One open hub connection and the credential it was opened with.</summary>
public sealed record LiveConnection(UserCredential Credential, HubCallerContext Context);
