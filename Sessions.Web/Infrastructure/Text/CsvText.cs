using System.Text;

namespace Sessions.Web.Infrastructure.Text;

/// <summary>Writing RFC 4180 CSV for spreadsheets: the one place fields are quoted and formulas defused.</summary>
public static class CsvText
{
    public const string LineEnd = "\r\n";

    /// <summary>
    /// Quotes a field when it needs it, and defuses spreadsheet formulas in names people typed: a leading character that
    /// starts one (OWASP's CSV injection list, tab and carriage return included) gets a quote before it.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>One record: the fields quoted as needed, comma-separated, ended by CR LF.</summary>
    public static string Line(params IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + LineEnd;

    /// <summary>
    /// The file's bytes: UTF-8 with its byte order mark, without which Excel reads a CSV in the machine's ANSI code page and
    /// turns Arabic (or any non-Latin) names and headers into mojibake. Other readers skip the mark.
    /// </summary>
    public static byte[] Utf8WithBom(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
}
