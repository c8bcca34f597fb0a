namespace Sessions.Web.Features.Video.AccessTokens;

public enum AgoraRole
{
    Publisher = 1,
    Subscriber = 2,
}
