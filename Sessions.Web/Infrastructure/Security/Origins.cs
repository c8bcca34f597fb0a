using Microsoft.Extensions.Options;

namespace Sessions.Web.Infrastructure.Security;

/// <summary>
/// Which browser origins the portal trusts: its own (the scheme, host and port the request came to) and those listed in
/// <see cref="SecurityOptions.AllowedOrigins"/>. Behind a proxy that terminates TLS, the public origin must be listed (or
/// the forwarded scheme applied), since the request then arrives as plain http.
/// </summary>
public sealed class Origins(IOptions<SecurityOptions> options)
{
    private readonly HashSet<string> _listed = options.Value.AllowedOrigins
        .Select(origin => Normalize(origin)!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a page from <paramref name="origin"/> (an <c>Origin</c> header) may act on the portal.</summary>
    public bool Allows(HttpRequest request, string origin) =>
        Normalize(origin) is { } normalized
        && (normalized == Normalize($"{request.Scheme}://{request.Host.Value}") || _listed.Contains(normalized));

    /// <summary>
    /// <c>scheme://host[:port]</c> in lower case without the scheme's default port, or null when <paramref name="value"/> is
    /// not an http(s) origin (including the opaque origin <c>null</c> that sandboxed frames and some redirects send).
    /// </summary>
    public static string? Normalize(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0 && uri.PathAndQuery == "/" && uri.Fragment.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
