using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>What dotnet ef builds the PostgreSQL context from: adding a migration needs no running server (it never connects).</summary>
internal sealed class PostgresDesignTimeContext : IDesignTimeDbContextFactory<PostgresSessionsDbContext>
{
    public PostgresSessionsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSessionsDbContext>().UseNpgsql("Host=localhost;Database=sessions_design_time").Options);
}
