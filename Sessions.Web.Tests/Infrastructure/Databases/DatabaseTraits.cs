namespace Sessions.Web.Tests.Infrastructure.Databases;

/// <summary>
/// Tests of one provider's own behaviour (SQLite's migrations of old files, its busy timeout, WAL; PostgreSQL's locking)
/// carry <c>[Trait(Name, SqliteOnly)]</c> or <c>[Trait(Name, PostgresOnly)]</c>; each provider's run filters out the other's.
/// </summary>
public static class DatabaseTraits
{
    public const string Name = "Database";
    public const string SqliteOnly = nameof(SqliteOnly);
    public const string PostgresOnly = nameof(PostgresOnly);
}
