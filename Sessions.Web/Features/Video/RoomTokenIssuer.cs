using Microsoft.Extensions.Options;
using Sessions.Web.Features.Video.AccessTokens;
using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Video;

/// <summary>Issues the RTC and RTM tokens of one participant for one session's channel.</summary>
public sealed class RoomTokenIssuer(AgoraTokenBuilder builder, IOptions<AgoraOptions> options, TimeProvider time)
{
    /// <summary>Agora refuses tokens that live longer than a day.</summary>
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    public RoomTokens Issue(string userId, long rtcUid, string channelName, AgoraRole role, DateTime bookedEndUtc)
    {
        var agora = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var untilBookedEnd = bookedEndUtc.AddMinutesClamped(agora.TokenMarginMinutes) - now;
        var lifetime = TimeSpan.FromMinutes(agora.TokenLifetimeMinutes);
        if (untilBookedEnd > lifetime)
        {
            lifetime = untilBookedEnd;
        }
        if (lifetime > MaxLifetime)
        {
            lifetime = MaxLifetime;
        }

        var seconds = (uint)Math.Ceiling(lifetime.TotalSeconds);
        var uid = checked((uint)rtcUid);
        return new RoomTokens(
            agora.AppId,
            channelName,
            uid,
            builder.BuildRtcToken(agora.AppId, agora.AppCertificate, channelName, uid, role, seconds),
            builder.BuildRtmToken(agora.AppId, agora.AppCertificate, userId, seconds),
            role,
            now.AddSeconds(seconds));
    }
}
