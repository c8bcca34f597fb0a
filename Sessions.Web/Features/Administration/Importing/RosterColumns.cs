using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Importing;

/// <summary>One data row of a roster, its fields trimmed of surrounding white space (empty when not given).</summary>
public sealed record RosterLine(int Row, string Email, string DisplayName, string Role, string ClassCode, string TimeZone);

/// <summary>
/// The roster's columns: <c>email,displayName,role,classCode,timeZone</c>. The header row names each exactly once, in any
/// case and in any order (a spreadsheet's columns are easily moved); every row has as many fields as the header.
/// </summary>
public static class RosterColumns
{
    public const string Email = "email";
    public const string DisplayName = "displayName";
    public const string Role = "role";
    public const string ClassCode = "classCode";
    public const string TimeZone = "timeZone";

    public static readonly IReadOnlyList<string> Names = [Email, DisplayName, Role, ClassCode, TimeZone];

    public static string HeaderLine => string.Join(',', Names);

    /// <summary>A refusal unless <paramref name="header"/> is row 1 and names each column once (what <see cref="Read"/> requires).</summary>
    public static ServiceError? CheckHeader(CsvRecord header) => Positions(header).Error;

    public static Result<IReadOnlyList<RosterLine>> Read(CsvDocument document)
    {
        if (document.Records is not [var header, ..])
        {
            return ImportErrors.InvalidCsv(1, 1, $"the first row must be the header: {HeaderLine}.");
        }
        var found = Positions(header);
        if (found.Error is { } wrongHeader)
        {
            return wrongHeader;
        }
        var positions = found.Value!;
        var lines = new List<RosterLine>(document.Records.Count - 1);
        foreach (var record in document.Records.Skip(1))
        {
            if (record.Fields.Count != Names.Count)
            {
                return ImportErrors.InvalidCsv(record.Row, record.Line,
                    $"{record.Fields.Count} fields where the header has {Names.Count}: quote a field that holds the delimiter.");
            }
            string Field(string name) => record.Fields[positions[name]].Trim();
            lines.Add(new RosterLine(record.Row, Field(Email), Field(DisplayName), Field(Role), Field(ClassCode), Field(TimeZone)));
        }
        return lines;
    }

    private static Result<Dictionary<string, int>> Positions(CsvRecord header)
    {
        if (header.Row != 1)
        {
            return ImportErrors.InvalidCsv(1, 1, $"the first row must be the header: {HeaderLine}.");
        }
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var given = header.Fields[i].Trim();
            var name = Names.FirstOrDefault(n => string.Equals(n, given, StringComparison.OrdinalIgnoreCase));
            if (name is null || !positions.TryAdd(name, i))
            {
                unknown.Add(given);
            }
        }
        var missing = Names.Where(n => !positions.ContainsKey(n)).ToList();
        if (missing.Count == 0 && unknown.Count == 0)
        {
            return positions;
        }
        var problems = (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "")
            + (unknown.Count > 0 ? $"; unknown or repeated: {string.Join(", ", unknown.Select(u => $"\"{u}\""))}" : "");
        return ImportErrors.InvalidCsv(1, header.Line, $"the header must name the columns {string.Join(", ", Names)} once each, in any order{problems}.");
    }
}
