using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>Google's Firestore emulator on a loopback port, and the app with its notifier pointed at it.</summary>
public sealed class NotifierFixture : IAsyncLifetime
{
    public const string ProjectId = "demo-sessions-tests";

    public FirestoreEmulatorFixture Emulator { get; } = new();

    public SessionsAppFactory App { get; private set; } = default!;

    public FirestoreClient Firestore => App.Services.GetRequiredService<FirestoreClient>();

    public IReadOnlyDictionary<string, string?> Settings => Emulator.NotifierSettings(ProjectId);

    public async Task InitializeAsync()
    {
        await Emulator.InitializeAsync();
        App = new SessionsAppFactory(TestDatabase.Create(), Settings, ownsDatabase: true);
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        await Emulator.DisposeAsync();
    }

    /// <summary>
    /// Polls the emulator (a remote system: nothing to await but its state) until the educator's document satisfies
    /// <paramref name="done"/>, moving the app's clock on between polls so the dispatcher's retries come due.
    /// </summary>
    public static async Task<NotifierDocument> DocumentAsync(SessionsAppFactory app, string educatorId, Func<NotifierDocument, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var firestore = app.Services.GetRequiredService<FirestoreClient>();
        while (true)
        {
            var document = await ReadOrNullWhileReconnectingAsync(firestore, educatorId, timeout.Token);
            if (document is not null && done(document))
            {
                return document;
            }
            app.Time.Advance(TimeSpan.FromMilliseconds(250));
            await poll.WaitForNextTickAsync(timeout.Token);
        }
    }

    /// <summary>Right after the emulator comes back, the channel may still be reconnecting: that is "not there yet".</summary>
    private static async Task<NotifierDocument?> ReadOrNullWhileReconnectingAsync(FirestoreClient firestore, string educatorId, CancellationToken ct)
    {
        try
        {
            return await firestore.ReadAsync(educatorId, ct);
        }
        catch (Grpc.Core.RpcException failure) when (failure.StatusCode == Grpc.Core.StatusCode.Unavailable)
        {
            return null;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class NotifierFixtureGroup : ICollectionFixture<NotifierFixture>
{
    public const string Name = "notifier";
}

public static class NotifierDocumentExtensions
{
    public static string? StatusValue(this NotifierDocument document) =>
        document.Fields.TryGetValue(NotifierContract.StatusField, out var status) ? status.Value as string : null;
}
