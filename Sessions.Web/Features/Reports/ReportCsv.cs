using System.Globalization;
using System.Text;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Reports;

/// <summary>A report's per-student rows as RFC 4180 CSV, for spreadsheets.</summary>
public static class ReportCsv
{
    /// <summary>The header row's texts (keys of <see cref="ReportCsvText"/>), in column order.</summary>
    public static readonly IReadOnlyList<string> HeaderKeys =
        ["Csv.Student", "Csv.Email", "Csv.Attended", "Csv.FirstJoined", "Csv.Minutes", "Csv.Joins", "Csv.Punctual", "Csv.ChatMessages"];

    /// <summary>
    /// One row per student of the report under <paramref name="header"/> (the reader's language); the data stay
    /// machine-readable: times ISO 8601 UTC, invariant numbers, <c>yes</c>/<c>no</c>.
    /// </summary>
    public static string Write(SessionReport report, IEnumerable<string> header)
    {
        var csv = new StringBuilder(CsvText.Line(header));
        foreach (var line in report.Students)
        {
            csv.Append(CsvText.Line(
                line.DisplayName,
                line.Email,
                YesNo(line.Attended),
                line.FirstJoinedUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "",
                line.MinutesPresent.ToString("0.#", CultureInfo.InvariantCulture),
                line.Joins.ToString(CultureInfo.InvariantCulture),
                YesNo(line.Punctual),
                line.ChatMessages.ToString(CultureInfo.InvariantCulture)));
        }
        return csv.ToString();
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
