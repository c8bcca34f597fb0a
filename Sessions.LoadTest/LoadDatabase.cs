using Microsoft.EntityFrameworkCore;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.LoadTest;

/// <summary>
/// The portal database a command seeds or reads: a SQLite file (<c>--database PATH</c>, as before) or PostgreSQL
/// (<c>--provider Postgres --connection "Host=…;Database=…"</c>). The only place the load tool names a provider.
/// </summary>
internal sealed record LoadDatabase(string Provider, string ConnectionString, string Name)
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public bool IsSqlite => Provider == Sqlite;

    public static LoadDatabase From(Arguments args)
    {
        var provider = args.Text("provider", Sqlite);
        return provider switch
        {
            Sqlite => SqliteFile(args.Text("database")),
            Postgres => new LoadDatabase(Postgres, args.Text("connection"), "postgres"),
            _ => throw new ArgumentException($"--provider must be {Sqlite} or {Postgres}, not '{provider}'."),
        };
    }

    public static LoadDatabase SqliteFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        return new LoadDatabase(Sqlite, $"Data Source={fullPath}", fullPath);
    }

    /// <summary>Where student tokens are cached unless <c>--token-cache</c> says: beside a SQLite file; PostgreSQL has no file to sit beside.</summary>
    public string TokenCachePath(Arguments args) =>
        IsSqlite ? args.Text("token-cache", Name + ".tokens.json") : args.Text("token-cache");

    /// <summary>The provider's own context, so that migrating applies that provider's migrations.</summary>
    public SessionsDbContext Open() => IsSqlite
        ? new SqliteSessionsDbContext(new DbContextOptionsBuilder<SqliteSessionsDbContext>().UseSqlite(ConnectionString).Options)
        : new PostgresSessionsDbContext(new DbContextOptionsBuilder<PostgresSessionsDbContext>().UseNpgsql(ConnectionString).Options);
}
