namespace Sessions.E2E.Infrastructure;

/// <summary>
/// The cross-site attacks start and try to end the seeded "Linear equations" session, which other collections start too
/// (an educator runs one session at a time): they get an app and a fresh database of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PerimeterAppGroup : ICollectionFixture<LiveServerFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Perimeter app";
}
