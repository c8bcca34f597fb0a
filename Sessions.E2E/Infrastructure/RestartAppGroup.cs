namespace Sessions.E2E.Infrastructure;

/// <summary>Tests that stop and start the portal under open pages: an app of their own, which nobody else sees go away.</summary>
[CollectionDefinition(Name)]
public sealed class RestartAppGroup : ICollectionFixture<LiveServerFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Restarted app";
}
