using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "Sessions";

    /// <summary>
    /// Both providers' contexts are registered, and <see cref="SessionsDbContext"/> (what features inject) is the one
    /// <see cref="DatabaseOptions.Provider"/> names: the choice is read when first needed, after the options were
    /// validated, so a mistyped provider stops the app with the validator's message.
    /// </summary>
    public static IHostApplicationBuilder AddSessionsDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");
        var contentRoot = builder.Environment.ContentRootPath;
        var busyTimeout = new SqliteBusyTimeout();
        builder.Services.AddDbContextFactory<SqliteSessionsDbContext>(options =>
            options.UseSqlite(ResolveSqliteConnectionString(connectionString, contentRoot)).AddInterceptors(busyTimeout));
        builder.Services.AddDbContextFactory<PostgresSessionsDbContext>(options => options.UseNpgsql(connectionString));
        builder.Services.AddSingleton<IDbContextFactory<SessionsDbContext>>(services =>
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
                ? new ProviderContextFactory<PostgresSessionsDbContext>(services.GetRequiredService<IDbContextFactory<PostgresSessionsDbContext>>())
                : new ProviderContextFactory<SqliteSessionsDbContext>(services.GetRequiredService<IDbContextFactory<SqliteSessionsDbContext>>()));
        builder.Services.AddScoped<SessionsDbContext>(services =>
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
                ? services.GetRequiredService<PostgresSessionsDbContext>()
                : services.GetRequiredService<SqliteSessionsDbContext>());
        return builder;
    }

    /// <summary>Applies migrations unless production runs them as a separate step, and seeds the demo data in Development.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateAtStart)
        {
            await app.Services.MigrateDatabaseAsync();
        }
        if (app.Environment.IsDevelopment())
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DevelopmentSeed>().SeedIfEmptyAsync();
        }
    }

    /// <summary>Applies the configured provider's committed migrations; on SQLite also turns on WAL.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets pages read while a start writes; the mode is stored in the database file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>A relative SQLite file is placed under the content root (not the working directory), in a folder that exists.</summary>
    private static string ResolveSqliteConnectionString(string connectionString, string contentRoot)
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
