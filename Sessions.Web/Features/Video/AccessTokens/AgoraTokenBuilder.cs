using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;

namespace Sessions.Web.Features.Video.AccessTokens;

/// <summary>Builds the tokens Sessions hands to the browser: issue time from the clock, salt from a cryptographic RNG.</summary>
public sealed class AgoraTokenBuilder(TimeProvider timeProvider)
{
    private static readonly ImmutableArray<ushort> _publisherPrivileges =
        [AgoraPrivilege.JoinChannel, AgoraPrivilege.PublishAudio, AgoraPrivilege.PublishVideo, AgoraPrivilege.PublishData];

    private static readonly ImmutableArray<ushort> _subscriberPrivileges = [AgoraPrivilege.JoinChannel];

    /// <param name="uid">Numeric Agora uid; 0 lets any uid join with this token.</param>
    /// <param name="expireSeconds">Lifetime of the token and of each privilege, in seconds from now.</param>
    public string BuildRtcToken(
        string appId, string appCertificate, string channelName, uint uid, AgoraRole role, uint expireSeconds) =>
        Build(appId, appCertificate, expireSeconds, new RtcTokenService(channelName, UidString(uid), RtcPrivileges(role, expireSeconds)));

    public string BuildRtmToken(string appId, string appCertificate, string userId, uint expireSeconds) =>
        Build(appId, appCertificate, expireSeconds, new RtmTokenService(userId, RtmPrivileges(expireSeconds)));

    // Agora reads an empty uid as "any uid", which is what numeric 0 means; other uids are plain invariant decimals.
    internal static string UidString(uint uid) => uid == 0 ? string.Empty : uid.ToString(CultureInfo.InvariantCulture);

    internal static ImmutableSortedDictionary<ushort, uint> RtcPrivileges(AgoraRole role, uint expireSeconds)
    {
        var ids = role switch
        {
            AgoraRole.Publisher => _publisherPrivileges,
            AgoraRole.Subscriber => _subscriberPrivileges,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown Agora role."),
        };
        return ids.ToImmutableSortedDictionary(id => id, _ => expireSeconds);
    }

    internal static ImmutableSortedDictionary<ushort, uint> RtmPrivileges(uint expireSeconds) =>
        ImmutableSortedDictionary<ushort, uint>.Empty.Add(AgoraPrivilege.RtmLogin, expireSeconds);

    private string Build(string appId, string appCertificate, uint expireSeconds, AgoraTokenService service)
    {
        var issueTs = checked((uint)timeProvider.GetUtcNow().ToUnixTimeSeconds());
        var salt = (uint)RandomNumberGenerator.GetInt32(1, 100_000_000);
        return AccessToken2.Build(appId, appCertificate, issueTs, salt, expireSeconds, [service]);
    }
}
