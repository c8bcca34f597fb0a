using Microsoft.EntityFrameworkCore;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>The model on PostgreSQL, with the migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresSessionsDbContext(DbContextOptions<PostgresSessionsDbContext> options) : SessionsDbContext(options);
