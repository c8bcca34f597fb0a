using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Reports.Pdf;

namespace Sessions.Web.Tests.Features.Reports.Pdf;

/// <summary>The font files: found in Debian's folders, checked at start, installed once per process, asked per character.</summary>
public sealed class ReportFontTests
{
    [Fact]
    public async Task A_missing_font_file_stops_the_app_at_start()
    {
        using var host = ReportPdfHost.Build(new KeyValuePair<string, string?>("Reports:Pdf:Fonts:Directories:0", "/nonexistent/fonts"));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("'DejaVuSans.ttf' is in none of /nonexistent/fonts", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Debian_defaults_apply_when_nothing_is_configured()
    {
        var options = new ReportFontOptions();

        Assert.Equal(["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/droid"], options.SearchDirectories);
        Assert.Equal(["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf"], options.Files);
        Assert.Equal("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", options.Find("DroidSansFallbackFull.ttf"));
    }

    [Fact]
    public void The_resolver_is_installed_once_and_other_files_later_are_refused()
    {
        var first = ReportFontResolver.Install(new ReportFontOptions());

        Assert.Same(first, ReportFontResolver.Install(new ReportFontOptions()));
        Assert.Throws<InvalidOperationException>(() => ReportFontResolver.Install(new ReportFontOptions { Regular = "DejaVuSansCondensed.ttf" }));
    }

    [Fact]
    public void Coverage_is_read_from_the_fonts_cmap()
    {
        var faces = ReportFontResolver.Install(new ReportFontOptions()).Faces;
        var (regular, bold, cjk) = (faces[0].Coverage, faces[1].Coverage, faces[2].Coverage);

        Assert.True(regular.Covers('A') && regular.Covers('م') && regular.Covers('\uFEE3') && regular.Covers('\uFEFB'));
        Assert.True(bold.Covers('\uFED8')); // medial qaf, the glyph PDFsharp's subsetting broke
        Assert.False(regular.Covers('王'));
        Assert.True(cjk.Covers('王') && cjk.Covers('花') && cjk.Covers('佐'));
        Assert.False(cjk.Covers('\uFEE3'));
    }
}
