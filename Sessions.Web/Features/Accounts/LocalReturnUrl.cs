namespace Sessions.Web.Features.Accounts;

/// <summary>Where signing in may send a user back to: a path of the portal, never something a browser reads as another host.</summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    /// <summary><paramref name="candidate"/> when it is a safe local path, otherwise <see cref="Home"/>.</summary>
    public static string OrHome(string? candidate) => IsSafe(candidate) ? candidate! : Home;

    /// <summary>
    /// A path that starts with one <c>/</c> and holds only visible ASCII other than <c>\</c>. Browsers read <c>//host</c> and
    /// <c>/\host</c> as another host; they drop tabs and line breaks inside a URL (so <c>/&lt;TAB&gt;/host</c> becomes
    /// <c>//host</c>) and read <c>\</c> as <c>/</c>; a redirect's Location header cannot carry anything but ASCII (a
    /// non-ASCII path made the sign-in fail with a 500). The decoded form must not start like another host either, for any
    /// later step that decodes it once more.
    /// </summary>
    public static bool IsSafe(string? candidate) =>
        candidate is not null
        && StartsLocally(candidate)
        && candidate.All(c => c is > ' ' and < '\u007F' and not '\\')
        && StartsLocally(Uri.UnescapeDataString(candidate));

    private static bool StartsLocally(string path) => path is ['/'] or ['/', not ('/' or '\\'), ..];
}
