using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Infrastructure.Localization;

/// <summary>
/// The signed-in user's language, from the claim the sign-in cookie or bearer token carries: it comes before the culture
/// cookie and <c>Accept-Language</c>. Request localization runs before authentication (so that every problem speaks the
/// request's language), hence the explicit authentication here; its result is kept for the rest of the request.
/// </summary>
public sealed class AccountCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = (await SignedInAsync(httpContext))?.FindFirstValue(AppClaimTypes.Culture);
        return culture is null ? null : new ProviderCultureResult(culture, CultureOptions.LanguageOf(culture));
    }

    /// <summary>The request's user, or null for an anonymous one.</summary>
    public static async Task<ClaimsPrincipal?> SignedInAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return http.User;
        }
        var result = await http.AuthenticateAsync();
        return result.Succeeded ? result.Principal : null;
    }
}
