using Microsoft.EntityFrameworkCore;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// The one write path for a change and the rows it owes (an outbox row, a new session it starts): both in one transaction,
/// so all are stored or none; then, only once committed, what must follow it (waking the outbox, live events), so nobody
/// hears of a change that was refused or rolled back. The transaction runs under the provider's execution strategy
/// because a retrying provider refuses a manual transaction outside one (eShop's <c>ResilientTransaction</c>); a retry
/// runs <c>change</c> again from the start, so it must read what it decides on inside the transaction.
/// </summary>
public static class ResilientTransaction
{
    /// <summary>
    /// <paramref name="change"/> answers false when it lost a race or was refused: nothing is kept and
    /// <paramref name="afterCommit"/> does not run.
    /// </summary>
    public static Task<bool> ExecuteAsync(DbContext db, Func<Task<bool>> change, Func<Task>? afterCommit, CancellationToken ct) =>
        ExecuteAsync(db, change, keep: kept => kept, afterCommit, ct);

    /// <summary>
    /// As above, for a change whose answer says more than kept or not: <paramref name="keep"/> decides from it whether
    /// to commit; the answer is returned either way.
    /// </summary>
    public static async Task<T> ExecuteAsync<T>(DbContext db, Func<Task<T>> change, Func<T, bool> keep, Func<Task>? afterCommit,
        CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var (kept, answer) = await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var answer = await change();
            if (!keep(answer))
            {
                return (false, answer); // disposing the transaction rolls back whatever the change did
            }
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return (true, answer);
        }, ct);
        if (kept && afterCommit is not null)
        {
            await afterCommit();
        }
        return answer;
    }
}
