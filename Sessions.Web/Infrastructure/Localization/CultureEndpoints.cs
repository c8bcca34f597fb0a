using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.Localization;

public static class CultureEndpoints
{
    public const string Path = "/culture";
    public const string CultureParameter = "c";
    public const string RedirectParameter = "redirectUri";

    /// <summary>
    /// <c>GET /culture?c=ar&amp;redirectUri=/classes</c>: remembers the choice in ASP.NET Core's culture cookie and, for a signed-in
    /// user, on the account (renewing the sign-in cookie, which carries it), then goes back to that page with a full load, since a
    /// Blazor circuit keeps the culture it connected with.
    /// </summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Choose).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The link of a language switch for the page at <paramref name="localPath"/>.</summary>
    public static string Link(string culture, string localPath) =>
        $"{Path}?{CultureParameter}={Uri.EscapeDataString(culture)}&{RedirectParameter}={Uri.EscapeDataString(LocalReturnUrl.OrHome(localPath))}";

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> Choose(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = CultureParameter)] string? culture,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = RedirectParameter)] string? redirectUri,
        HttpContext http, IOptions<CultureOptions> options, OwnAccount account, SignInManager<AppUser> signIn)
    {
        if (!options.Value.Supports(culture))
        {
            return ServiceError.Validation(CultureParameter, FieldMessage.Of("culture_unknown", $"Choose one of: {string.Join(", ", options.Value.Supported)}.")).ToProblem();
        }
        var chosen = options.Value.Supported.First(name => name.Equals(culture, StringComparison.OrdinalIgnoreCase));
        // A GET, so a link on another site could make it (the sign-in cookie is SameSite=Lax): such a link changes this
        // browser's cookie only, never the account.
        var fromAnotherSite = http.Request.Headers["Sec-Fetch-Site"] == "cross-site";
        if (http.User.Identity?.IsAuthenticated == true && !fromAnotherSite
            && await account.ChooseCultureAsync(SessionActor.From(http.User).UserId, chosen) is { Value: { } user })
        {
            await signIn.RefreshSignInAsync(user);
        }
        RememberInCookie(http, chosen);
        return TypedResults.LocalRedirect(LocalReturnUrl.OrHome(redirectUri));
    }

    /// <summary>The culture cookie for <paramref name="culture"/> (a supported name), or none when null: the browser's language.</summary>
    public static void RememberInCookie(HttpContext http, string? culture)
    {
        if (culture is null)
        {
            http.Response.Cookies.Delete(CookieRequestCultureProvider.DefaultCookieName);
            return;
        }
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, CultureOptions.LanguageOf(culture))),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
    }
}
