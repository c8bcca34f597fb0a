using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Sessions.Web.Features.Reports;

/// <summary>
/// The educator's report text is Markdown written by a person and read by others (page, PDF, students), so it is
/// cleaned once when stored and rendered without raw HTML: what is stored never carries markup or script links.
/// </summary>
public static class ReportMarkdown
{
    public const int MaxLength = 10_000;

    private static readonly MarkdownPipeline Pipeline = Builder().DisableHtml().Build();

    // Sanitizing parses raw HTML as HTML so it can find and remove it; rendering never does.
    private static readonly MarkdownPipeline SanitizingPipeline = Builder().UsePreciseSourceLocation().Build();

    private static MarkdownPipelineBuilder Builder() => new MarkdownPipelineBuilder().UseEmphasisExtras().UseAutoLinks();

    private static readonly string[] SafeSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto];

    /// <summary>
    /// The text as it is stored: line endings and tabs normalised, trimmed, raw HTML blocks and inline tags removed, links whose
    /// target is not http(s) or mailto turned into their text.
    /// </summary>
    public static string Sanitize(string? markdown)
    {
        // Tabs (pasted from a word processor, or indenting a list) are spaces to Markdown: stored as such, not refused as control characters.
        var text = (markdown ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Replace("\t", "    ").Trim();
        if (text.Length == 0)
        {
            return "";
        }
        var document = Markdown.Parse(text, SanitizingPipeline);
        var cuts = document.Descendants().SelectMany(UnsafeSpans).OrderBy(c => c.Start).ToList();
        // A cut inside another (a tag inside an unsafe link) goes with the outer one; cutting from the end keeps the
        // earlier offsets valid.
        var outermost = cuts.Where(c => !cuts.Any(o => o != c && o.Start <= c.Start && c.Start + c.Length <= o.Start + o.Length));
        foreach (var (start, length, replacement) in outermost.Reverse())
        {
            text = string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(start + length));
        }
        return text.Trim();
    }

    /// <summary>HTML for a page: raw HTML in the source is shown as text, links open safely in a new tab.</summary>
    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeTarget(link.Url))
            {
                link.Url = "";
            }
            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
            attributes.AddPropertyIfNotExist("target", "_blank");
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>The parsed document, for renderers that lay it out themselves (the PDF).</summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    private static IEnumerable<(int Start, int Length, string Replacement)> UnsafeSpans(MarkdownObject node) => node switch
    {
        HtmlBlock block => [(block.Span.Start, block.Span.Length, "")],
        HtmlInline inline => [(inline.Span.Start, inline.Span.Length, "")],
        LinkInline { IsImage: false } link when !IsSafeTarget(link.Url) => [(link.Span.Start, link.Span.Length, LinkText(link))],
        LinkInline { IsImage: true } image => [(image.Span.Start, image.Span.Length, LinkText(image))],
        _ => [],
    };

    private static string LinkText(LinkInline link) =>
        string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static bool IsSafeTarget(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme);
}
