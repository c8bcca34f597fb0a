using Microsoft.AspNetCore.Components;

namespace Sessions.Web.Features.Reports.Components;

public static class ReportMarkup
{
    /// <summary>The educator's Markdown as HTML that carries no markup of its own (<see cref="ReportMarkdown.ToHtml"/>), for a component to render.</summary>
    public static MarkupString Html(string markdown) => new(ReportMarkdown.ToHtml(markdown));
}
