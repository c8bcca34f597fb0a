using System.Diagnostics;

namespace Sessions.Web.Tests.Features.Reports.Pdf;

/// <summary>Debian's poppler-utils (test.sh installs them): what a PDF reader sees in a file.</summary>
public static class Poppler
{
    /// <summary>The text of the pages (all, or <paramref name="page"/> only), in reading order as pdftotext finds it.</summary>
    public static string Text(string pdf, int? page = null, bool layout = false)
    {
        List<string> arguments = page is { } p ? ["-f", $"{p}", "-l", $"{p}"] : [];
        if (layout)
        {
            arguments.Add("-layout");
        }
        return Run("pdftotext", [.. arguments, "-enc", "UTF-8", pdf, "-"]);
    }

    public static string Info(string pdf) => Run("pdfinfo", [pdf]);

    public static string Fonts(string pdf) => Run("pdffonts", [pdf]);

    /// <summary>Page 1 as a PNG at <paramref name="dpi"/>; returns the PNG's path.</summary>
    public static string FirstPageAsPng(string pdf, string pngWithoutExtension, int dpi = 110)
    {
        Run("pdftoppm", ["-png", "-r", $"{dpi}", "-f", "1", "-l", "1", "-singlefile", pdf, pngWithoutExtension]);
        return pngWithoutExtension + ".png";
    }

    private static string Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}");
    }
}
