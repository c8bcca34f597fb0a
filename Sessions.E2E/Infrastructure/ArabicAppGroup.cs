namespace Sessions.E2E.Infrastructure;

/// <summary>
/// The Arabic journey starts the seeded "Linear equations" session, as the start and room tests do; an educator runs one
/// session at a time, so it gets an app (and a fresh database) of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ArabicAppGroup : ICollectionFixture<LiveServerFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Arabic app";
}
