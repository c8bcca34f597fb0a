using System.Net.Http.Json;

namespace Sessions.Proxy.Tests.Infrastructure;

/// <summary>
/// What these tests know of the portal without referencing it (its own Program would clash with the proxy's): the demo
/// account of Sessions.Web's DevelopmentSeed, the hub of its LiveHub, and the sign-in the mobile apps use.
/// </summary>
internal static class DemoPortal
{
    public const string TeacherEmail = "teacher@example.com";
    public const string Password = "Passw0rd!";
    public const string HubPath = "/hubs/sessions";

    /// <summary>The hub's first message to a connection, once it has joined its class groups (ILiveClient.Subscribed).</summary>
    public const string SubscribedMethod = "Subscribed";

    /// <summary>A bearer token for the demo teacher from <c>POST /api/auth/login</c>.</summary>
    public static async Task<string> TeacherTokenAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = TeacherEmail, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignedIn>())!.AccessToken;
    }

    private sealed record SignedIn(string AccessToken);
}
