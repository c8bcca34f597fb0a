namespace Sessions.Web.Infrastructure.Security;

/// <summary>Section <c>Security</c>: what the perimeter trusts besides the portal itself.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Browser origins (<c>https://host[:port]</c>, no path) that may send state-changing requests and open the live hub or a
    /// circuit, besides the portal's own origin. Empty by default: only the portal's own pages may.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];
}
