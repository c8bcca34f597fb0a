namespace Sessions.Web.Features.Video;

public enum AgoraRole
{
    Publisher = 1,
    Subscriber = 2,
}
