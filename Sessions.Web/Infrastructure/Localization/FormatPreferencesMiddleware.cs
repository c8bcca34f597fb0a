using System.Globalization;
using System.Security.Claims;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Infrastructure.Localization;

public static class FormatPreferencesMiddleware
{
    /// <summary>
    /// After request localization: the signed-in user's clock and digits on top of the request's culture. A Blazor circuit
    /// keeps the culture of the request that connected it, so a change shows after the next page load.
    /// </summary>
    public static IApplicationBuilder UseFormatPreferences(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (await AccountCultureProvider.SignedInAsync(http) is { } user
            && (user.FindFirstValue(AppClaimTypes.Clock) is not null || user.FindFirstValue(AppClaimTypes.Digits) is not null))
        {
            CultureInfo.CurrentCulture = PreferredCulture.Of(
                CultureInfo.CurrentCulture, user.FindFirstValue(AppClaimTypes.Clock), user.FindFirstValue(AppClaimTypes.Digits));
        }
        await next(http);
    });
}
