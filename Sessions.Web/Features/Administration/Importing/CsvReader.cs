using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Importing;

/// <summary>One record of a CSV file: its row as a spreadsheet counts rows (the header is row 1), the line it starts on, and its fields.</summary>
public sealed record CsvRecord(int Row, int Line, IReadOnlyList<string> Fields);

/// <summary>The records of a file (the header first), and the file's SHA-256 (lower-case hex) as read.</summary>
public sealed record CsvDocument(IReadOnlyList<CsvRecord> Records, string Sha256);

/// <summary>How much a file may hold: bytes in all, records after the header, and bytes in one field.</summary>
public sealed record CsvLimits(long MaxBytes, int MaxRows, int MaxFieldBytes);

/// <summary>
/// RFC 4180 CSV, read as a stream and refused at the first thing it cannot read, with the row (and line) where it is.
/// Fields are split on bytes, which UTF-8 allows (no byte of a multi-byte character is ASCII), and each field is decoded
/// strictly, so an invalid byte is reported in the row holding it. The delimiter is the first ',' or ';' of the header
/// row. Quoted fields may hold delimiters, line breaks and doubled quotes; a quote elsewhere in a field is refused. A
/// record ends at LF, CR LF or CR; blank rows are skipped but counted. A UTF-8 byte order mark is skipped.
/// </summary>
public static class CsvReader
{
    private const byte Quote = (byte)'"';
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    /// <summary>
    /// Reads the whole stream, or up to the first problem. <paramref name="checkHeader"/>, if given, judges the first record
    /// as soon as it is read, so a file that is not what the caller expects is refused without reading the rest.
    /// </summary>
    public static async Task<Result<CsvDocument>> ReadAsync(Stream stream, CsvLimits limits, CancellationToken ct,
        Func<CsvRecord, ServiceError?>? checkHeader = null)
    {
        var parser = new Parser(limits, checkHeader);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            var first = true;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, buffer.Length), ct)) > 0)
            {
                total += read;
                var chunk = buffer.AsSpan(0, read);
                if (parser.Feed(first && chunk.StartsWith(Bom) ? chunk[Bom.Length..] : chunk) is { } refused)
                {
                    return refused;
                }
                if (total > limits.MaxBytes)
                {
                    return ImportErrors.FileTooLarge(limits.MaxBytes);
                }
                hash.AppendData(chunk);
                first = false;
            }
            if (parser.End() is { } unreadable)
            {
                return unreadable;
            }
            return new CsvDocument(parser.Records, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The state of one read: the record being built, where it started, and what came before.</summary>
    private sealed class Parser(CsvLimits limits, Func<CsvRecord, ServiceError?>? checkHeader)
    {
        private readonly List<byte> _field = [];
        private readonly List<string> _fields = [];
        private State _state = State.FieldStart;
        private byte _delimiter; // 0 until the header row shows it
        private bool _afterCr;
        private int _row = 1;
        private int _line = 1;
        private int _recordLine = 1;
        private int _fieldLine = 1;

        public List<CsvRecord> Records { get; } = [];

        public ServiceError? Feed(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (_afterCr)
                {
                    _afterCr = false;
                    if (b == Lf)
                    {
                        continue; // the LF of a CR LF that ended the record
                    }
                }
                if (Step(b) is { } refused)
                {
                    return refused;
                }
            }
            return null;
        }

        public ServiceError? End()
        {
            if (_state == State.Quoted)
            {
                return ImportErrors.InvalidCsv(_row, _fieldLine, $"a quoted field opened on line {_fieldLine} is never closed.");
            }
            return _state != State.FieldStart || _fields.Count > 0 ? EndRecord() : null;
        }

        private ServiceError? Step(byte b)
        {
            switch (_state)
            {
                case State.Quoted:
                    if (b == Quote)
                    {
                        _state = State.QuoteInQuoted;
                        return null;
                    }
                    if (b == Lf)
                    {
                        _line++;
                    }
                    return Append(b);
                case State.QuoteInQuoted when b == Quote:
                    _state = State.Quoted;
                    return Append(b); // "" is a quote
                case State.FieldStart when b == Quote:
                    _state = State.Quoted;
                    _fieldLine = _line;
                    return null;
            }
            if (IsDelimiter(b))
            {
                return EndField();
            }
            if (b is Lf or Cr)
            {
                _afterCr = b == Cr;
                var refused = EndRecord();
                _line++;
                return refused;
            }
            if (_state == State.QuoteInQuoted)
            {
                return ImportErrors.InvalidCsv(_row, _line, "after a closing quote comes a delimiter or the end of the row.");
            }
            if (b == Quote)
            {
                return ImportErrors.InvalidCsv(_row, _line,
                    "a quote inside a field that does not start with one: quote the whole field and double the quotes inside it.");
            }
            if (_state == State.FieldStart)
            {
                _state = State.Unquoted;
                _fieldLine = _line;
            }
            return Append(b);
        }

        private bool IsDelimiter(byte b)
        {
            if (_delimiter == 0 && _row == 1 && b is (byte)',' or (byte)';')
            {
                _delimiter = b;
            }
            return b == _delimiter;
        }

        private ServiceError? Append(byte b)
        {
            if (_field.Count == limits.MaxFieldBytes)
            {
                return ImportErrors.InvalidCsv(_row, _fieldLine, $"a field is longer than {limits.MaxFieldBytes} bytes.");
            }
            _field.Add(b);
            return null;
        }

        private ServiceError? EndField()
        {
            var bytes = _field.ToArray();
            _field.Clear();
            _state = State.FieldStart;
            try
            {
                _fields.Add(Strict.GetString(bytes));
                return null;
            }
            catch (DecoderFallbackException invalid)
            {
                var line = _fieldLine + bytes.AsSpan(0, Math.Clamp(invalid.Index, 0, bytes.Length)).Count(Lf);
                return ImportErrors.InvalidCsv(_row, line, $"line {line} is not UTF-8 text: save the file as \"CSV UTF-8\".");
            }
        }

        private ServiceError? EndRecord()
        {
            if (EndField() is { } refused)
            {
                return refused;
            }
            if (_fields is not [""])
            {
                if (Records.Count > limits.MaxRows)
                {
                    return ImportErrors.InvalidCsv(_row, _recordLine, $"a file holds at most {limits.MaxRows} rows after its header: split it.");
                }
                var record = new CsvRecord(_row, _recordLine, [.. _fields]);
                if (Records.Count == 0 && checkHeader?.Invoke(record) is { } wrongHeader)
                {
                    return wrongHeader;
                }
                Records.Add(record);
            }
            _fields.Clear();
            _row++;
            _recordLine = _line + 1;
            return null;
        }
    }
}
