using Microsoft.AspNetCore.Identity;
using Sessions.Web.Features.Live;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts;

/// <summary>
/// Which credential signs a request in. A browser attaches the portal's cookie to requests that any site makes, so the
/// cookie is taken only where the portal is sure its own page is asking: pages and form posts (antiforgery), the live hub
/// and the circuit (origin check), and GET downloads of the API marked <see cref="CookieDownloads.AllowCookieDownload{TBuilder}"/>.
/// Everything else on the API, and the mobile start, knows only the bearer token: without one it is anonymous, so 401.
/// </summary>
public static class CredentialSelection
{
    /// <summary>The scheme the portal's policy scheme forwards to for this request.</summary>
    public static string SchemeFor(HttpContext context) =>
        CarriesBearerToken(context.Request) || !AcceptsCookie(context)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;

    private static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (request.Path.StartsWithSegments(LiveHub.Path) && request.Query.ContainsKey("access_token"));

    private static bool AcceptsCookie(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments(ApiPaths.Api) && !path.StartsWithSegments(ApiPaths.MobileSessions))
        {
            return true;
        }
        return (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.GetEndpoint()?.Metadata.GetMetadata<CookieDownloadMetadata>() is not null;
    }
}
