using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// Contexts on the app's database that hold the first query whose SQL contains a marker right after the database has
/// answered it, until released: what a page reads is then older than what happens meanwhile, the way a slow read
/// races a live event.
/// </summary>
public sealed class PausedReads(IServiceProvider app, string sqlMarker) : DbCommandInterceptor, IDbContextFactory<SessionsDbContext>
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _paused;

    private readonly IDbContextFactory<SessionsDbContext> _appContexts = app.GetRequiredService<IDbContextFactory<SessionsDbContext>>();

    /// <summary>Completes when the marked query has run and waits.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    /// <summary>A context of the app's provider, with the app's options plus this interceptor.</summary>
    public SessionsDbContext CreateDbContext()
    {
        using var appContext = _appContexts.CreateDbContext();
        return appContext.GetService<IDbContextOptions>() switch
        {
            DbContextOptions<SqliteSessionsDbContext> sqlite => new SqliteSessionsDbContext(
                new DbContextOptionsBuilder<SqliteSessionsDbContext>(sqlite).AddInterceptors(this).Options),
            DbContextOptions<PostgresSessionsDbContext> postgres => new PostgresSessionsDbContext(
                new DbContextOptionsBuilder<PostgresSessionsDbContext>(postgres).AddInterceptors(this).Options),
            var other => throw new InvalidOperationException($"No provider context for {other.GetType()}."),
        };
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains(sqlMarker, StringComparison.Ordinal) && Interlocked.Exchange(ref _paused, 1) == 0)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        return result;
    }
}
