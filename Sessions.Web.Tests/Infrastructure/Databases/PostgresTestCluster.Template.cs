using Microsoft.EntityFrameworkCore;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Tests.Infrastructure.Databases;

/// <summary>
/// Migrations are applied once, to a template, and every test database is a copy of it (<c>CREATE DATABASE … TEMPLATE</c>
/// takes milliseconds, migrating takes seconds).
/// </summary>
internal sealed partial class PostgresTestCluster
{
    private const string Template = "sessions_template";

    public TestDatabase CreateDatabase() => new(DatabaseOptions.Postgres, CreateDatabase(Template));

    partial void Prepare()
    {
        Execute($"""CREATE DATABASE "{Template}";""");
        var options = new DbContextOptionsBuilder<PostgresSessionsDbContext>().UseNpgsql(ConnectionString(Template, pooling: false)).Options;
        using var db = new PostgresSessionsDbContext(options);
        db.Database.Migrate();
    }
}
