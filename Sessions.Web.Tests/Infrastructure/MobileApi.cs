using System.Net.Http.Json;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>Calls the mobile apps' versioned contract the way the apps do.</summary>
public static class MobileApi
{
    public static Task<HttpResponseMessage> StartAsync(HttpClient client, string educatorId, Guid sessionId, string? version = "6")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/sessions/start") { Content = JsonContent.Create(new { educatorId, sessionId }) };
        if (version is not null)
        {
            request.Headers.Add("api-version", version);
        }
        return client.SendAsync(request);
    }
}
