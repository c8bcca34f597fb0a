using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Tests.Infrastructure.Databases;

/// <summary>
/// One app's database, which another app can open again (a restart over the same data, a second instance). The test
/// run's provider comes from <c>SESSIONS_TEST_DATABASE</c>: unset or <c>Sqlite</c> gives a temporary file, <c>Postgres</c>
/// a fresh database on the run's throwaway cluster (<see cref="PostgresTestCluster"/>).
/// </summary>
public sealed record TestDatabase(string Provider, string ConnectionString)
{
    public const string ProviderVariable = "SESSIONS_TEST_DATABASE";

    public static string RunProvider { get; } = Environment.GetEnvironmentVariable(ProviderVariable) switch
    {
        null or "" or DatabaseOptions.Sqlite => DatabaseOptions.Sqlite,
        DatabaseOptions.Postgres => DatabaseOptions.Postgres,
        var other => throw new InvalidOperationException($"{ProviderVariable} must be Sqlite or Postgres, not '{other}'."),
    };

    public static TestDatabase Create() =>
        RunProvider == DatabaseOptions.Postgres ? PostgresTestCluster.Shared.CreateDatabase() : SqliteFile(NewSqlitePath());

    /// <summary>A SQLite file whatever the run's provider, for tests of SQLite itself.</summary>
    public static TestDatabase SqliteFile(string path) => new(DatabaseOptions.Sqlite, $"Data Source={path}");

    public static string NewSqlitePath() => Path.Combine(Path.GetTempPath(), $"sessions-tests-{Guid.NewGuid():N}.db");

    public bool IsPostgres => Provider == DatabaseOptions.Postgres;

    /// <summary>The configuration an app over this database starts with.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}", Provider),
        new($"ConnectionStrings:{DatabaseSetup.ConnectionName}", ConnectionString),
    ];

    /// <summary>A context straight on the database, outside any app, for what a test reads or arranges below the app.</summary>
    public SessionsDbContext OpenContext() => IsPostgres
        ? new PostgresSessionsDbContext(new DbContextOptionsBuilder<PostgresSessionsDbContext>().UseNpgsql(ConnectionString).Options)
        : new SqliteSessionsDbContext(new DbContextOptionsBuilder<SqliteSessionsDbContext>().UseSqlite(ConnectionString).Options);

    public void Delete()
    {
        if (IsPostgres)
        {
            PostgresTestCluster.Shared.DropDatabase(new NpgsqlConnectionStringBuilder(ConnectionString).Database!);
            return;
        }
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
