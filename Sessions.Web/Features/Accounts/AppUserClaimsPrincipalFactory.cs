using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Features.Accounts;

internal sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(AppClaimTypes.TimeZone, user.TimeZoneId));
        AddIfChosen(identity, AppClaimTypes.Culture, user.Culture);
        AddIfChosen(identity, AppClaimTypes.Clock, user.ClockPreference);
        AddIfChosen(identity, AppClaimTypes.Digits, user.DigitPreference);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AppClaimTypes.MustChangePassword, "true"));
        }
        return identity;
    }

    private static void AddIfChosen(ClaimsIdentity identity, string type, string? value)
    {
        if (value is not null)
        {
            identity.AddClaim(new Claim(type, value));
        }
    }
}
