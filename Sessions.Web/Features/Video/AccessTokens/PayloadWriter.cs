using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Sessions.Web.Features.Video.AccessTokens;

// Agora's layout: little-endian integers, and strings as a UInt16 byte count plus UTF-8.
// BinaryWriter.Write(string) would write a 7-bit length prefix instead, so it is not used.
internal sealed class PayloadWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(sizeof(ushort)), value);
        _buffer.Advance(sizeof(ushort));
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(sizeof(uint)), value);
        _buffer.Advance(sizeof(uint));
    }

    public void WriteRaw(ReadOnlySpan<byte> value) => _buffer.Write(value);

    public void WriteBytes(ReadOnlySpan<byte> value, string field)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"{field} is longer than {ushort.MaxValue} bytes.", field);
        }

        WriteUInt16((ushort)value.Length);
        WriteRaw(value);
    }

    public void WriteString(string value, string field) => WriteBytes(AccessToken2.StrictUtf8.GetBytes(value), field);

    public void WritePrivileges(ImmutableSortedDictionary<ushort, uint> privileges)
    {
        WriteUInt16(checked((ushort)privileges.Count));
        foreach (var (id, expire) in privileges)
        {
            WriteUInt16(id);
            WriteUInt32(expire);
        }
    }
}
