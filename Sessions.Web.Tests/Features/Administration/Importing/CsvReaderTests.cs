using System.Text;
using Sessions.Web.Features.Administration.Importing;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Tests.Features.Administration.Importing;

/// <summary>The roster's CSV reader: RFC 4180 quoting, either delimiter, strict UTF-8, and a refusal that names the row.</summary>
public sealed class CsvReaderTests
{
    private static readonly CsvLimits Limits = new(MaxBytes: 64 * 1024, MaxRows: 5, MaxFieldBytes: 100);

    [Fact]
    public async Task Reads_comma_separated_UTF8_with_a_byte_order_mark_and_CRLF()
    {
        var records = await ReadAsync([0xEF, 0xBB, 0xBF, .. "email,name\r\nzoë@example.com,Zoë\r\n"u8]);

        Assert.Equal(["email", "name"], records[0].Fields);
        Assert.Equal(["zoë@example.com", "Zoë"], records[1].Fields);
        Assert.Equal([1, 2], records.Select(r => r.Row));
    }

    [Fact]
    public async Task Takes_the_semicolon_when_the_header_is_separated_by_it_and_then_reads_commas_as_text()
    {
        var records = await ReadAsync("email;name\na@example.com;Lima, Ana\n");

        Assert.Equal(["a@example.com", "Lima, Ana"], records[1].Fields);
    }

    [Fact]
    public async Task Quoted_fields_hold_delimiters_doubled_quotes_and_line_breaks_and_rows_are_counted_as_records()
    {
        var records = await ReadAsync("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,\"\"\n");

        Assert.Equal(["x,y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
        Assert.Equal(["last", ""], records[3].Fields);
        Assert.Equal([1, 2, 3, 4], records.Select(r => r.Row));
        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
    }

    [Fact]
    public async Task Blank_rows_are_skipped_but_counted_and_a_missing_final_line_break_is_fine()
    {
        var records = await ReadAsync("a,b\n\n1,2");

        Assert.Equal(3, records[^1].Row);
        Assert.Equal(["1", "2"], records[^1].Fields);
    }

    [Fact]
    public async Task An_invalid_UTF8_byte_is_refused_with_the_row_and_line_that_hold_it()
    {
        var error = await RefusedAsync([.. "a,b\n1,2\n\"x\ny\",\"ok\n"u8, 0xC3, 0x28, .. "\"\n"u8]);

        Assert.Equal("invalid_csv", error.Code);
        Assert.Equal(3, error.Details!["row"]);
        Assert.Equal(5, error.Details["line"]);
        Assert.StartsWith("Row 3: line 5 is not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_UTF16_file_is_refused_on_its_first_row() =>
        Assert.Equal(1, (await RefusedAsync(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a,b\n1,2\n")).ToArray())).Details!["row"]);

    [Theory]
    [InlineData("a,b\n\"open,2\n3,4\n", 2, "never closed")]
    [InlineData("a,b\nx\"y,2\n", 2, "a quote inside a field")]
    [InlineData("a,b\n\"x\"y,2\n", 2, "after a closing quote")]
    public async Task Broken_quoting_is_refused_with_its_row(string csv, int row, string why)
    {
        var error = await RefusedAsync(csv);

        Assert.Equal(row, error.Details!["row"]);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_longer_than_the_limit_is_refused_without_reading_on()
    {
        var error = await RefusedAsync("a,b\n" + new string('x', 101) + ",1\n");

        Assert.Equal(2, error.Details!["row"]);
        Assert.Contains("longer than 100 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_rows_than_the_limit_are_refused_at_the_first_one_too_many()
    {
        var error = await RefusedAsync("a\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"{i}\n")));

        Assert.Equal(7, error.Details!["row"]);
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_file_too_large()
    {
        var error = await RefusedAsync(Encoding.UTF8.GetBytes("a\n" + string.Concat(Enumerable.Repeat(new string('x', 99) + "\n", 700))),
            Limits with { MaxRows = 1_000 });

        Assert.Equal("file_too_large", error.Code);
        Assert.Equal(413, error.StatusCode);
    }

    [Fact]
    public async Task The_digest_is_the_SHA256_of_the_bytes_as_sent()
    {
        byte[] bytes = [.. "a,b\n1,2\n"u8];

        var read = await CsvReader.ReadAsync(new MemoryStream(bytes), Limits, CancellationToken.None);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), read.Value!.Sha256);
    }

    [Theory]
    [InlineData("email,displayName,role,classCode\n", "missing: timeZone")]
    [InlineData("email,displayName,role,classCode,timeZone,extra\n", "\"extra\"")]
    [InlineData("email,email,role,classCode,timeZone\n", "missing: displayName")]
    [InlineData("\n", "the first row must be the header")]
    public async Task A_wrong_header_is_refused_on_row_1(string csv, string why)
    {
        var read = await CsvReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Limits, CancellationToken.None);

        var error = RosterColumns.Read(read.Value!).Error!;

        Assert.Equal(1, error.Details!["row"]);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_and_case_and_a_ragged_row_is_refused_with_its_row()
    {
        var read = await CsvReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(
            "TIMEZONE;Email;role;classcode;displayname\nEurope/Paris; a@example.com ;Student;;Ana\nEurope/Paris;b@example.com;Student\n")),
            Limits, CancellationToken.None);

        var error = RosterColumns.Read(read.Value!).Error!;
        var first = RosterColumns.Read(new CsvDocument(read.Value!.Records.Take(2).ToList(), "")).Value!.Single();

        Assert.Equal(3, error.Details!["row"]);
        Assert.Equal(new RosterLine(2, "a@example.com", "Ana", "Student", "", "Europe/Paris"), first);
    }

    private static Task<IReadOnlyList<CsvRecord>> ReadAsync(string csv) => ReadAsync(Encoding.UTF8.GetBytes(csv));

    private static async Task<IReadOnlyList<CsvRecord>> ReadAsync(byte[] bytes)
    {
        var read = await CsvReader.ReadAsync(new MemoryStream(bytes), Limits, CancellationToken.None);
        Assert.Null(read.Error);
        return read.Value!.Records;
    }

    private static Task<ServiceError> RefusedAsync(string csv) => RefusedAsync(Encoding.UTF8.GetBytes(csv));

    private static async Task<ServiceError> RefusedAsync(byte[] bytes, CsvLimits? limits = null)
    {
        var read = await CsvReader.ReadAsync(new MemoryStream(bytes), limits ?? Limits, CancellationToken.None);
        return Assert.IsType<ServiceError>(read.Error);
    }
}
