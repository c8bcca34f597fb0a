namespace Sessions.E2E.Infrastructure;

/// <summary>
/// The keyboard-only journeys start and end a session of Ms. Rivera's (an educator runs one session at a time) and the
/// reflow test opens a room: an app and a database of their own, so the start and room tests of the other groups are untouched.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KeyboardAppGroup : ICollectionFixture<LiveServerFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Keyboard and reflow app";
}
