using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>Section <c>Database</c>: which provider holds the data (the connection string is <c>ConnectionStrings:Sessions</c> for either).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = nameof(Sqlite);
    public const string Postgres = nameof(Postgres);

    /// <summary><c>Sqlite</c> (the default: one file, one instance) or <c>Postgres</c> (several instances on one server).</summary>
    [AllowedValues(Sqlite, Postgres, ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// Whether each instance applies pending migrations as it starts. Production can turn it off and run
    /// <c>dotnet Sessions.Web.dll migrate</c> once per release instead, so instances never race to migrate.
    /// </summary>
    public bool MigrateAtStart { get; set; } = true;

    public bool IsPostgres => Provider == Postgres;
}
