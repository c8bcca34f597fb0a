namespace Sessions.Web.Features.Video.AccessTokens;

/// <summary>Privilege ids inside a service's privilege map. Ids are per service, so RTM login shares id 1 with RTC join.</summary>
public static class AgoraPrivilege
{
    public const ushort JoinChannel = 1;
    public const ushort PublishAudio = 2;
    public const ushort PublishVideo = 3;
    public const ushort PublishData = 4;

    public const ushort RtmLogin = 1;
}
