namespace Sessions.E2E.Infrastructure;

/// <summary>
/// A school on its first day: an app on an empty database whose only account is the configured first admin (the demo
/// data is seeded only into a database without accounts, so none is).
/// </summary>
[CollectionDefinition(Name)]
public sealed class EmptySchoolAppGroup : ICollectionFixture<EmptySchoolServer>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Empty school app";
}

public sealed class EmptySchoolServer() : LiveServerFixture(new Dictionary<string, string?>
{
    ["Admin__Email"] = AdminEmail,
    ["Admin__InitialPassword"] = InitialPassword,
})
{
    public const string AdminEmail = "principal@school.example";
    public const string InitialPassword = "Initial-Passw0rd!";
}
