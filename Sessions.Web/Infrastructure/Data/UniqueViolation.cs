using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// Whether a save failed because a unique index refused it — a race another caller won, which features answer as such.
/// The one place that knows how each database provider says so, so that no feature names a provider.
/// </summary>
public static class UniqueViolation
{
    // SQLite: SQLITE_CONSTRAINT, and its extended codes for a unique index and a primary key (the plain code when the
    // connection reports no extended codes). PostgreSQL: SQLSTATE unique_violation.
    private const int SqliteConstraint = 19;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;
    private const string UniqueViolationState = "23505";

    /// <summary>A save (<c>SaveChanges</c>) that failed on a unique index.</summary>
    public static bool Is(DbUpdateException exception) => exception.InnerException is DbException inner && Is(inner);

    /// <summary>A statement that failed on a unique index: bulk updates (<c>ExecuteUpdate</c>) throw the provider's own exception.</summary>
    public static bool Is(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey or SqliteConstraint,
        _ => exception.SqlState == UniqueViolationState,
    };
}
