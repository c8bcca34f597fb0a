using Microsoft.EntityFrameworkCore;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Tests.Infrastructure.Data;

/// <summary>Each provider's committed migrations describe the model as it is: no change was left without its migration.</summary>
public sealed class ProviderMigrationsTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeContext().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeContext().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
