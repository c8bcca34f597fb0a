using Microsoft.EntityFrameworkCore;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>The model on SQLite, with the migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteSessionsDbContext(DbContextOptions<SqliteSessionsDbContext> options) : SessionsDbContext(options);
