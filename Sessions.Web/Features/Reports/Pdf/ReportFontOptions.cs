using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>
/// The font files of the report PDF (section <c>Reports:Pdf:Fonts</c>), looked up in <see cref="Directories"/> in order.
/// The defaults are Debian's: DejaVu Sans (<c>fonts-dejavu-core</c>: Latin, Greek, Cyrillic, Arabic with its presentation
/// forms) and Droid Sans Fallback (<c>fonts-droid-fallback</c>: Chinese, Japanese and Korean, TrueType outlines that
/// PDFsharp embeds). A missing file stops the app at start, not at the first download.
/// </summary>
public sealed class ReportFontOptions : IValidatableObject
{
    public const string Section = "Reports:Pdf:Fonts";

    // Configuration binding appends to an array's initial items, so the Debian defaults apply only when none are configured.
    private static readonly string[] DebianDirectories = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/droid"];
    private static readonly string[] DebianFallbacks = ["DroidSansFallbackFull.ttf"];

    /// <summary>Where the files are looked for; Debian's folders when empty.</summary>
    public string[] Directories { get; set; } = [];

    [Required(AllowEmptyStrings = false)]
    public string Regular { get; set; } = "DejaVuSans.ttf";

    [Required(AllowEmptyStrings = false)]
    public string Bold { get; set; } = "DejaVuSans-Bold.ttf";

    /// <summary>Tried in order for a character the main font lacks (bold is simulated on them); Droid Sans Fallback when empty.</summary>
    public string[] Fallbacks { get; set; } = [];

    public IReadOnlyList<string> SearchDirectories => Directories.Length > 0 ? Directories : DebianDirectories;

    /// <summary>Regular, bold, then the fallbacks.</summary>
    public IEnumerable<string> Files => (Fallbacks.Length > 0 ? Fallbacks : DebianFallbacks).Prepend(Bold).Prepend(Regular);

    /// <summary>The full path of <paramref name="file"/> in the first directory that has it, or null.</summary>
    public string? Find(string file) =>
        SearchDirectories.Select(directory => Path.Combine(directory, file)).FirstOrDefault(File.Exists);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var file in Files)
        {
            if (Find(file) is null)
            {
                yield return new ValidationResult(
                    $"{Section}: the font file '{file}' is in none of {string.Join(", ", SearchDirectories)} (install fonts-dejavu-core and fonts-droid-fallback, or configure the directories).",
                    [nameof(Directories)]);
            }
        }
    }
}
