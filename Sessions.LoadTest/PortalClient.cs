using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sessions.LoadTest;

/// <summary>The portal's HTTP API as the load tool uses it: sign in, start sessions, read the health page.</summary>
internal sealed class PortalClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task SignInAsync(string email, string password)
    {
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email, password));
    }

    public async Task<string> TokenAsync(string email, string password)
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public async Task StartAsync(Guid sessionId)
    {
        using var response = await _http.PostAsync(new Uri($"/api/sessions/{sessionId}/start", UriKind.Relative), null);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Start of {sessionId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The notifier's figures from <c>/health</c>: undelivered rows and the age of the oldest.</summary>
    public async Task<(int Backlog, double OldestSeconds)> NotifierBacklogAsync()
    {
        var health = await _http.GetFromJsonAsync<JsonElement>("/health");
        var data = health.GetProperty("checks").GetProperty("firestore-notifier").GetProperty("data");
        return data.TryGetProperty("backlog", out var backlog)
            ? (backlog.GetInt32(), data.GetProperty("oldestUndeliveredAgeSeconds").GetDouble())
            : (0, 0);
    }

    public void Dispose() => _http.Dispose();
}
