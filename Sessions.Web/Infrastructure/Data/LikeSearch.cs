namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// A search box's text as a LIKE pattern, upper case, that finds it anywhere, with LIKE's own wildcards in it taken
/// literally. Compare it with the column's upper case (<c>ToUpper()</c>): SQLite's LIKE ignores case and PostgreSQL's does
/// not, but both agree on upper().
/// </summary>
public static class LikeSearch
{
    /// <summary>The escape character to pass to <c>EF.Functions.Like</c> with the pattern.</summary>
    public const string Escape = "\\";

    /// <summary>The pattern, or null when there is nothing to search for.</summary>
    public static string? Contains(string? search) => string.IsNullOrWhiteSpace(search)
        ? null
        : "%" + search.Trim().ToUpperInvariant()
            .Replace(Escape, $"{Escape}{Escape}", StringComparison.Ordinal)
            .Replace("%", $"{Escape}%", StringComparison.Ordinal)
            .Replace("_", $"{Escape}_", StringComparison.Ordinal) + "%";
}
