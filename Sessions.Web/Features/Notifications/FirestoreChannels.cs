using Google.Apis.Auth.OAuth2;
using Grpc.Core;
using Grpc.Net.Client;

namespace Sessions.Web.Features.Notifications;

/// <summary>The two ways to reach Firestore. Each channel is created once and lives as long as the app.</summary>
internal static class FirestoreChannels
{
    public const string ProductionEndpoint = "https://firestore.googleapis.com";
    public const string DatastoreScope = "https://www.googleapis.com/auth/datastore";

    /// <summary>
    /// Plaintext HTTP/2 (prior knowledge) to the emulator. Call credentials are only sent over TLS, so the client puts
    /// the emulator's <c>authorization: Bearer owner</c> into each call's metadata instead.
    /// </summary>
    public static GrpcChannel ForEmulator(string hostAndPort) => GrpcChannel.ForAddress($"http://{hostAndPort}", Options());

    /// <summary>
    /// TLS to Firestore's public endpoint with the service account's OAuth2 access token on every call; Google.Apis.Auth
    /// caches the token and refreshes it before it expires. This path needs the internet and a real project, so it is
    /// compiled here but not run by the tests.
    /// </summary>
    public static GrpcChannel ForProduction(string credentialsFile)
    {
        ITokenAccess tokens = CredentialFactory.FromFile<ServiceAccountCredential>(credentialsFile)
            .ToGoogleCredential()
            .CreateScoped(DatastoreScope);
        var callCredentials = CallCredentials.FromInterceptor(async (context, metadata) =>
        {
            var token = await tokens.GetAccessTokenForRequestAsync(cancellationToken: context.CancellationToken);
            metadata.Add("authorization", $"Bearer {token}");
        });
        var options = Options();
        options.Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, callCredentials);
        return GrpcChannel.ForAddress(ProductionEndpoint, options);
    }

    /// <summary>
    /// After a failed connection the channel waits before it tries again, and fails calls at once meanwhile; by default
    /// that wait grows to 2 minutes. The outbox has its own backoff, so the channel's stays short: Firestore is noticed
    /// within a couple of seconds of coming back.
    /// </summary>
    private static GrpcChannelOptions Options() => new()
    {
        InitialReconnectBackoff = TimeSpan.FromMilliseconds(250),
        MaxReconnectBackoff = TimeSpan.FromSeconds(2),
    };
}
