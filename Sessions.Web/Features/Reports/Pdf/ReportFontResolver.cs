using PdfSharp.Fonts;

namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>
/// PDFsharp finds no system fonts on Linux and takes one <see cref="IFontResolver"/> per process, which cannot be swapped
/// once a font has been used. This resolver serves the configured files under fixed face names; it is installed once
/// (<see cref="Install"/>), and a second install with other files is a configuration fault, not something to ignore.
/// </summary>
public sealed class ReportFontResolver : IFontResolver
{
    /// <summary>The family every text is drawn in; its faces are the main font (regular, bold) and then the fallbacks.</summary>
    public const string Regular = "Report Sans";
    public const string Bold = "Report Sans Bold";

    private static readonly Lock InstallLock = new();
    private static ReportFontResolver? _installed;

    private readonly string[] _files;

    private ReportFontResolver(string[] files)
    {
        _files = files;
        Faces = [.. files.Select((file, i) => new ReportFontFace(FaceName(i), File.ReadAllBytes(file)))];
    }

    /// <summary>Regular, bold, then the fallbacks, in the order <see cref="ReportFontOptions"/> names them.</summary>
    public IReadOnlyList<ReportFontFace> Faces { get; }

    /// <summary>The process's resolver for these fonts, installed on first use.</summary>
    public static ReportFontResolver Install(ReportFontOptions options)
    {
        var files = options.Files
            .Select(file => options.Find(file) ?? throw new FileNotFoundException($"Font file '{file}' is in none of the configured directories.", file))
            .ToArray();
        lock (InstallLock)
        {
            if (_installed is { } installed)
            {
                return installed._files.SequenceEqual(files) ? installed : throw new InvalidOperationException(
                    $"PDFsharp's font resolver is already installed with {string.Join(", ", installed._files)}; it cannot change within a process.");
            }
            var resolver = new ReportFontResolver(files);
            GlobalFontSettings.FontResolver = resolver;
            _installed = resolver;
            return resolver;
        }
    }

    /// <summary>Each face is its own family; bold on a face that has no bold file (a fallback) is simulated.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Faces.Any(face => face.Name == familyName)
            ? new FontResolverInfo(familyName, bold && familyName != Bold, italic)
            : null;

    public byte[]? GetFont(string faceName) => Faces.FirstOrDefault(face => face.Name == faceName)?.Data;

    private static string FaceName(int index) => index switch { 0 => Regular, 1 => Bold, _ => $"Report Fallback {index - 1}" };
}

/// <summary>One font file, with the characters it has glyphs for.</summary>
public sealed class ReportFontFace(string name, byte[] data)
{
    public string Name { get; } = name;
    public byte[] Data { get; } = data;
    public FontCoverage Coverage { get; } = new(data);
}
