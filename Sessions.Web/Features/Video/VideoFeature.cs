using Sessions.Web.Features.Video.AccessTokens;

namespace Sessions.Web.Features.Video;

public static class VideoFeature
{
    public static IHostApplicationBuilder AddVideoFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AgoraOptions>()
            .BindConfiguration(AgoraOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AgoraTokenBuilder>();
        builder.Services.AddSingleton<RoomTokenIssuer>();
        builder.Services.AddSingleton<RoomService>();
        return builder;
    }
}
