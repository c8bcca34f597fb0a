using Sessions.Web.Features.Reports;

namespace Sessions.Web.Tests.Features.Reports;

public sealed class ReportMarkdownTests
{
    [Fact]
    public void Stored_text_keeps_markdown_and_loses_raw_html()
    {
        var stored = ReportMarkdown.Sanitize("**Well done**, class.\r\n\r\n<script>alert(1)</script>\r\n\r\nPractise <b onclick=\"x()\">fractions</b>.");

        Assert.Equal("**Well done**, class.\n\n\n\nPractise fractions.", stored);
    }

    [Fact]
    public void Links_to_anything_but_web_or_mail_become_their_text()
    {
        var stored = ReportMarkdown.Sanitize("See [the sheet](javascript:alert(1)) and [notes](https://school.example/notes) ![x](https://t.example/p.png)");

        Assert.Equal("See the sheet and [notes](https://school.example/notes) x", stored);
    }

    [Fact]
    public void A_tag_inside_an_unsafe_link_goes_with_the_link() =>
        Assert.Equal("Open me now", ReportMarkdown.Sanitize("Open [<b>me</b>](javascript:x) now"));

    [Fact]
    public void Rendered_html_escapes_markup_and_opens_links_safely()
    {
        var html = ReportMarkdown.ToHtml("Read <i>this</i>: [notes](https://school.example/notes)");

        Assert.Contains("&lt;i&gt;this&lt;/i&gt;", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
        Assert.Contains("href=\"https://school.example/notes\"", html);
    }

    [Fact]
    public void Tabs_are_stored_as_the_spaces_markdown_reads_them_as() =>
        Assert.Equal("- Fractions\n    - halves", ReportMarkdown.Sanitize("- Fractions\r\n\t- halves"));

    [Fact]
    public void Empty_or_blank_text_is_stored_empty() =>
        Assert.Equal("", ReportMarkdown.Sanitize(" \r\n "));
}
