using System.Globalization;
using System.Text;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Attendance;

/// <summary>One enrolled student's attendance of a session.</summary>
public sealed record AttendanceLine(string UserId, string DisplayName, string Email, DateTime? FirstJoinedUtc, double MinutesAttended)
{
    public bool Absent => FirstJoinedUtc is null;
}

/// <summary>Who came and for how long, and who never joined.</summary>
public sealed record AttendanceReport(SessionSummary Session, IReadOnlyList<AttendanceLine> Students)
{
    public IEnumerable<AttendanceLine> Absentees => Students.Where(s => s.Absent);

    /// <summary>The header row's texts (keys of <c>AttendanceText</c>), in column order.</summary>
    public static readonly IReadOnlyList<string> CsvHeaderKeys = ["Csv.Student", "Csv.Email", "Csv.FirstJoined", "Csv.Minutes", "Csv.Absent"];

    /// <summary>
    /// RFC 4180 CSV, one row per enrolled student under <paramref name="header"/> (the reader's language); the data stay
    /// machine-readable: times ISO 8601 UTC, invariant numbers, <c>yes</c>/<c>no</c>.
    /// </summary>
    public string ToCsv(IEnumerable<string> header)
    {
        var csv = new StringBuilder(string.Join(',', header.Select(CsvText.Field))).Append("\r\n");
        foreach (var line in Students)
        {
            csv.Append(CsvText.Field(line.DisplayName)).Append(',')
                .Append(CsvText.Field(line.Email)).Append(',')
                .Append(line.FirstJoinedUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(line.MinutesAttended.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                .Append(line.Absent ? "yes" : "no").Append("\r\n");
        }
        return csv.ToString();
    }
}
