namespace Sessions.E2E.Infrastructure;

/// <summary>
/// The video room tests start, join and end the seeded "Linear equations" session, which the start tests also start;
/// an educator runs one session at a time, so the room tests get an app (and a fresh database) of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class VideoRoomAppGroup : ICollectionFixture<LiveServerFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Video room app";
}
