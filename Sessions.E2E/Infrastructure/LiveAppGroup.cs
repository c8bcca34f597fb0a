namespace Sessions.E2E.Infrastructure;

/// <summary>
/// Tests in this collection share one running app and one Chromium. Each test acts on a different educator's seeded
/// session, so they do not see each other's changes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LiveAppGroup : ICollectionFixture<LiveServerFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Live app";
}
