using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Sessions.Web.Features.Accounts.Standing;

/// <summary>
/// Every signed-in request (API, page, hub, circuit) is checked against the account's current standing: a locked
/// account or a renewed security stamp turns the caller anonymous, so authorization answers 401 or sends the page to
/// sign-in, and a stale portal cookie is deleted. Bearer tokens are stateless, so without this a lock would take
/// effect only when they expire.
/// </summary>
public static class UserRevalidation
{
    public static IApplicationBuilder UseUserRevalidation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && !await context.RequestServices.GetRequiredService<UserStandings>().StillStandsAsync(context.User, context.RequestAborted))
            {
                if (context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme
                    == IdentityConstants.ApplicationScheme)
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            await next(context);
        });
}
