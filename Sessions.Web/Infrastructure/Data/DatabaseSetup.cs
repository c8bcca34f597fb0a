using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Sessions.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "Sessions";

    public static IHostApplicationBuilder AddSessionsDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = ResolveConnectionString(
            builder.Configuration.GetConnectionString(ConnectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set."),
            builder.Environment.ContentRootPath);
        var busyTimeout = new SqliteBusyTimeout();
        builder.Services.AddDbContextFactory<SessionsDbContext>(options => options.UseSqlite(connectionString).AddInterceptors(busyTimeout));
        return builder;
    }

    /// <summary>Applies committed migrations, turns on WAL, and seeds the demo data in Development.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        await db.Database.MigrateAsync();
        // WAL lets pages read while a start writes; the mode is stored in the database file itself.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        if (app.Environment.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DevelopmentSeed>().SeedIfEmptyAsync();
        }
    }

    /// <summary>A relative SQLite file is placed under the content root (not the working directory), in a folder that exists.</summary>
    private static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':') && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        return builder.ToString();
    }
}
