using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// Queues this process's write transactions for SQLite's single write lock in memory. Left to SQLite, a writer that finds
/// the lock taken sleeps in its busy handler for 1, 2, 5, 10, 15, 20, 25… ms between tries and is never woken when the
/// lock frees; under a burst of concurrent starts those sleeps piled up into the start latency's tail (docs/performance.md,
/// "Issue #7"). Here the next transaction begins the moment the previous one ends. The busy timeout stays as the backstop
/// for writes outside a transaction and for other processes.
/// </summary>
/// <remarks>
/// The turn is given back when the transaction commits or rolls back, or, for one disposed without either, when its
/// connection closes. A transaction must not wait for another one of this process while it holds its turn.
/// </remarks>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ConcurrentDictionary<Guid, byte> _holders = new();

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        _turn.Wait();
        _holders[eventData.ConnectionId] = 0;
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken);
        _holders[eventData.ConnectionId] = 0;
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Release(eventData.ConnectionId);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Release(eventData.ConnectionId);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Release(eventData.ConnectionId);

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    /// <param name="connectionId">EF Core's id of the connection: a committed SqliteTransaction no longer names its connection.</param>
    private Task Release(Guid connectionId)
    {
        if (_holders.TryRemove(connectionId, out _))
        {
            _turn.Release();
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _turn.Dispose();
}
