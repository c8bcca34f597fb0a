using Microsoft.EntityFrameworkCore;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>The model on PostgreSQL, with the migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresSessionsDbContext(DbContextOptions<PostgresSessionsDbContext> options) : SessionsDbContext(options)
{
    /// <summary>
    /// Strings are <c>text</c>, as on SQLite, which never enforced a length: <c>varchar(n)</c> would count code points and
    /// refuse a title the app allows, whose limit counts text elements (<see cref="TextRule"/>; an emoji family is seven
    /// code points). The lengths stay the app's rules; PostgreSQL stores <c>text</c> and <c>varchar</c> alike.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(string)))
        {
            property.SetColumnType("text");
        }
    }
}
