using System.Text.RegularExpressions;

namespace Sessions.Web.Features.Chat.Components;

/// <summary>
/// Splits a message into plain text and web addresses. The page renders each segment as text (Blazor encodes it) or as
/// an <c>&lt;a&gt;</c> with that text: user text is never markup. Only absolute http(s) addresses become links, so a
/// <c>javascript:</c> address stays words.
/// </summary>
public static partial class ChatTextSegments
{
    /// <summary>Punctuation that ends a sentence rather than the address it follows ("see https://example.org.").</summary>
    private static readonly char[] TrailingPunctuation = ['.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"', '،', '؛', '؟'];

    public static IReadOnlyList<ChatTextSegment> Split(string text)
    {
        var segments = new List<ChatTextSegment>();
        var at = 0;
        foreach (Match match in Address().Matches(text))
        {
            var address = match.Value.TrimEnd(TrailingPunctuation);
            if (!Uri.TryCreate(address, UriKind.Absolute, out var href) || (href.Scheme != Uri.UriSchemeHttp && href.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }
            if (match.Index > at)
            {
                segments.Add(new(text[at..match.Index], null));
            }
            segments.Add(new(address, href));
            at = match.Index + address.Length;
        }
        if (at < text.Length)
        {
            segments.Add(new(text[at..], null));
        }
        return segments;
    }

    [GeneratedRegex(@"\bhttps?://[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
