using System.Collections.Immutable;

namespace Sessions.Web.Features.Video.AccessTokens;

/// <summary>RTM (signalling) service: lets <paramref name="UserId"/> log in.</summary>
public sealed record RtmTokenService(string UserId, ImmutableSortedDictionary<ushort, uint> Privileges)
    : AgoraTokenService(Privileges)
{
    internal override AgoraServiceType ServiceType => AgoraServiceType.Rtm;

    internal override void EnsureBuildable() => ArgumentNullException.ThrowIfNull(UserId);

    internal override void WriteFields(PayloadWriter writer) => writer.WriteString(UserId, nameof(UserId));
}
