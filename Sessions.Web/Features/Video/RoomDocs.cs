using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Video;

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the endpoints serialize them.</summary>
internal static class RoomDocs
{
    public static readonly ServiceError Full = RoomErrors.Full(30);

    public static readonly RoomJoinResponse Join = new("4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", "0f8fad5bd9cb469fa16570867728950e", 1002,
        "007eJxTYBBb...", "007eJxTYFBa...", new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.Zero), "subscriber");
}
