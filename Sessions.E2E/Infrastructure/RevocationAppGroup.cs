namespace Sessions.E2E.Infrastructure;

/// <summary>An app that re-checks its users every few seconds, so that a revocation reaches open pages while the test watches.</summary>
[CollectionDefinition(Name)]
public sealed class RevocationAppGroup : ICollectionFixture<QuickRevocationServer>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Revocation app";
}

public sealed class QuickRevocationServer() : LiveServerFixture(new Dictionary<string, string?> { ["Auth__RevalidateWithinSeconds"] = "3" });
