using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using Sessions.Web.Features.Video.AccessTokens;

namespace Sessions.Web.Tests.Features.Video.AccessTokens;

// Every read is bounds-checked and names the field it was reading, so a broken token says where it broke.
internal ref struct PayloadReader(ReadOnlySpan<byte> payload)
{
    private readonly ReadOnlySpan<byte> _payload = payload;
    private int _position;

    public readonly int Position => _position;

    public readonly int Remaining => _payload.Length - _position;

    public ushort ReadUInt16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(sizeof(ushort), field));

    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(sizeof(uint), field));

    public ReadOnlySpan<byte> ReadBytes(string field) => Take(ReadUInt16($"{field} length"), field);

    public string ReadString(string field)
    {
        var start = _position;
        var bytes = ReadBytes(field);
        try
        {
            return AccessToken2.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new FormatException($"The {field} at payload offset {start} is not valid UTF-8.", ex);
        }
    }

    public ImmutableSortedDictionary<ushort, uint> ReadPrivileges(string service)
    {
        var count = ReadUInt16($"{service} privilege count");
        var privileges = ImmutableSortedDictionary.CreateBuilder<ushort, uint>();
        for (var i = 0; i < count; i++)
        {
            var id = ReadUInt16($"{service} privilege id");
            var expire = ReadUInt32($"{service} privilege expire");
            if (!privileges.TryAdd(id, expire))
            {
                throw new FormatException($"The {service} privilege map lists privilege {id} twice.");
            }
        }

        return privileges.ToImmutable();
    }

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count > Remaining)
        {
            throw new FormatException(
                $"The token payload ends inside the {field}: it needs {count} bytes at offset {_position}, but only {Remaining} are left.");
        }

        var slice = _payload.Slice(_position, count);
        _position += count;
        return slice;
    }
}
