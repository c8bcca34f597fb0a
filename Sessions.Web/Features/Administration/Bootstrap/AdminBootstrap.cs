using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Administration.Bootstrap;

/// <summary>Creates the configured first administrator at start, while the school has no administrator at all.</summary>
public sealed partial class AdminBootstrap(
    IOptions<AdminBootstrapOptions> options, IDbContextFactory<SessionsDbContext> dbFactory, UserAccounts accounts, ILogger<AdminBootstrap> logger)
{
    public async Task CreateIfNoAdminAsync(CancellationToken ct)
    {
        if (options.Value is not { Email: { } email, InitialPassword: { } password })
        {
            return;
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var adminRoleId = AppRoles.IdOf(AppRoles.Admin);
            if (await db.UserRoles.AnyAsync(r => r.RoleId == adminRoleId, ct))
            {
                return;
            }
        }
        var admin = await accounts.CreateAsync(email, CreateAdminCommand.DefaultDisplayName, CreateAdminCommand.DefaultTimeZone, password,
            AppRoles.Admin, mustChangePassword: true);
        LogCreated(logger, admin.Id);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first administrator {UserId} from configuration; they must change the password at first sign-in")]
    private static partial void LogCreated(ILogger logger, string userId);
}
