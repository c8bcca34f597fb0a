namespace Sessions.E2E.Infrastructure;

/// <summary>
/// The report journey runs a session to its end, rates it and has the rating approved; the ratings and the completed
/// session would change what the other collections see of the seeded data, so it gets an app (and a fresh database) of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReportAppGroup : ICollectionFixture<LiveServerFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Report app";
}
