using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace Sessions.Web.Features.Video.AccessTokens;

/// <summary>RTC (video/voice channel) service. <paramref name="Uid"/> is the uid as written in the token: see <see cref="AgoraTokenBuilder"/> for numeric uids.</summary>
public sealed record RtcTokenService(string ChannelName, string Uid, ImmutableSortedDictionary<ushort, uint> Privileges)
    : AgoraTokenService(Privileges)
{
    public const int MaxChannelNameBytes = 64;

    // Agora's documented channel-name alphabet; anything else is refused by the SDK when joining.
    private static readonly SearchValues<char> _channelNameChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,");

    internal override AgoraServiceType ServiceType => AgoraServiceType.Rtc;

    internal override void EnsureBuildable()
    {
        if (string.IsNullOrEmpty(ChannelName))
        {
            throw new ArgumentException("The channel name is empty.", nameof(ChannelName));
        }

        if (Encoding.UTF8.GetByteCount(ChannelName) > MaxChannelNameBytes)
        {
            throw new ArgumentException($"The channel name is longer than {MaxChannelNameBytes} bytes.", nameof(ChannelName));
        }

        if (ChannelName.AsSpan().IndexOfAnyExcept(_channelNameChars) is var bad and >= 0)
        {
            throw new ArgumentException($"The channel name contains '{ChannelName[bad]}', which Agora does not allow.", nameof(ChannelName));
        }

        ArgumentNullException.ThrowIfNull(Uid);
    }

    internal override void WriteFields(PayloadWriter writer)
    {
        writer.WriteString(ChannelName, nameof(ChannelName));
        writer.WriteString(Uid, nameof(Uid));
    }
}
