using System.Globalization;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Importing;

/// <summary>The refusals of a roster import, each with its stable code.</summary>
public static class ImportErrors
{
    public const string InvalidCsvCode = "invalid_csv";
    public const string FileTooLargeCode = "file_too_large";
    public const string InvalidRowsCode = "invalid_rows";

    /// <summary>Samples for the API documentation; the real answers name the row and say what is wrong with it.</summary>
    public static readonly ServiceError InvalidCsvSample = InvalidCsv(1, 1,
        "the header must name the columns email, displayName, role, classCode and timeZone, in any order; missing: timeZone.");

    public static readonly ServiceError FileTooLargeSample = FileTooLarge(RosterImport.Limits.MaxBytes);

    public static readonly ServiceError InvalidRowsSample = InvalidRows([]);

    /// <summary>
    /// The file cannot be read as a roster (encoding, quoting, header, a row of the wrong width, too many rows): nothing
    /// after that point is read. <c>row</c> counts rows as a spreadsheet does (the header is row 1); <c>line</c> is the
    /// text line, which differs when a quoted field holds line breaks.
    /// </summary>
    public static ServiceError InvalidCsv(int row, int line, string message) => new(InvalidCsvCode,
        $"Row {row.ToString(CultureInfo.InvariantCulture)}: {message}", StatusCodes.Status400BadRequest,
        new Dictionary<string, object?> { ["row"] = row, ["line"] = line });

    public static ServiceError FileTooLarge(long maxBytes) => new(FileTooLargeCode,
        $"The file is larger than {maxBytes / (1024 * 1024)} MB: split it.", StatusCodes.Status413PayloadTooLarge,
        new Dictionary<string, object?> { ["maxBytes"] = maxBytes });

    /// <summary>Applying a roster some of whose rows are invalid: nothing is written; <c>rows</c> lists those rows and their errors.</summary>
    public static ServiceError InvalidRows(IReadOnlyList<ImportRow> rows) => new(InvalidRowsCode,
        "Some rows are not valid, so nothing was imported; see rows. Correct them and import the file again.", StatusCodes.Status400BadRequest,
        new Dictionary<string, object?> { ["rows"] = rows });
}
