namespace Sessions.E2E.Infrastructure;

/// <summary>
/// The chat tests start the seeded "Linear equations" session, as the room tests do; an educator runs one session at a
/// time, so they get an app (and a fresh database) of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChatAppGroup : ICollectionFixture<LiveServerFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chat app";
}
