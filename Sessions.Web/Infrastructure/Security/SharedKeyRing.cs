using Microsoft.AspNetCore.DataProtection;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Infrastructure.Security;

public static class SharedKeyRing
{
    /// <summary>
    /// Fixed rather than the default (the content root path), which differs between hosts and would give each instance
    /// its own purpose strings even over the same keys.
    /// </summary>
    public const string ApplicationName = "Sessions";

    /// <summary>
    /// Every instance reads and writes the Data Protection key ring in the database, so a cookie, an antiforgery token,
    /// a bearer token or the device cookie issued by one instance is accepted by the others, and a restart or a new
    /// container does not sign everyone out. An instance that meets a key it has not seen yet reloads the ring.
    /// </summary>
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<SessionsDbContext>();
        return services;
    }
}
