using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>What dotnet ef builds the SQLite context from: adding a migration needs neither the app's configuration nor a database.</summary>
internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteSessionsDbContext>
{
    public SqliteSessionsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSessionsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
