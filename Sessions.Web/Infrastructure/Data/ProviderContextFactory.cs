using Microsoft.EntityFrameworkCore;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>Hands out the configured provider's context to everything that asks for a <see cref="SessionsDbContext"/>.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> provider) : IDbContextFactory<SessionsDbContext>
    where TContext : SessionsDbContext
{
    public SessionsDbContext CreateDbContext() => provider.CreateDbContext();

    public async Task<SessionsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await provider.CreateDbContextAsync(cancellationToken);
}
