using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Security;

/// <summary>
/// The fuzzed app, with the rate limits of the fuzzed endpoints raised: hundreds of bodies a minute from one address and
/// one account would otherwise be answered by the rate limiter rather than by the endpoints under test.
/// </summary>
public sealed class FuzzApp : IAsyncLifetime
{
    public SessionsAppFactory App { get; } = new(TestDatabase.Create(), new Dictionary<string, string?>
    {
        ["RateLimits:RefreshPerMinute"] = "100000",
        ["RateLimits:SessionCreationsPerMinute"] = "1000",
    }, ownsDatabase: true);

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
