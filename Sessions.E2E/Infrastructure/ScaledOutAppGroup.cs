namespace Sessions.E2E.Infrastructure;

/// <summary>Tests of the portal run as two instances behind the proxy: a cluster and a database of their own.</summary>
[CollectionDefinition(Name)]
public sealed class ScaledOutAppGroup : ICollectionFixture<ScaledOutPortals>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Scaled-out app";
}
