namespace Sessions.Web.Features.Video.AccessTokens;

// Every type Agora defines is listed, although Sessions writes and reads only RTC and RTM,
// so the parser can name what it refuses.
internal enum AgoraServiceType : ushort
{
    Rtc = 1,
    Rtm = 2,
    Streaming = 3,
    Fpa = 4,
    Chat = 5,
    Fcdn = 6,
    Apaas = 7,
    Rtm2 = 8,
    ConvoAi = 9,
    Stt = 10,
}
