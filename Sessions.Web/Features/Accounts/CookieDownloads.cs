namespace Sessions.Web.Features.Accounts;

public static class CookieDownloads
{
    /// <summary>
    /// Lets the portal's sign-in cookie authenticate GETs of this API endpoint, a file the portal's pages link to (a link
    /// cannot send a bearer token). Only for safe downloads: every other API call needs the bearer token, so another site
    /// cannot make a signed-in browser change anything (<see cref="CredentialSelection"/>).
    /// </summary>
    public static TBuilder AllowCookieDownload<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CookieDownloadMetadata());
}

/// <summary>Marks an API endpoint the sign-in cookie may read (see <see cref="CookieDownloads.AllowCookieDownload{TBuilder}"/>).</summary>
public sealed class CookieDownloadMetadata;
