using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sessions.Web.Features.Chat;
using Sessions.Web.Infrastructure.Diagnostics;

namespace Sessions.LoadTest;

/// <summary>The portal's HTTP API as the load tool uses it: sign in, start sessions, chat, read the health page and memory.</summary>
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
        using var response = await PostStartAsync(sessionId);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Start of {sessionId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The start's HTTP status, for scenarios that count refusals rather than stop at the first.</summary>
    public async Task<HttpStatusCode> TryStartAsync(Guid sessionId)
    {
        using var response = await PostStartAsync(sessionId);
        return response.StatusCode;
    }

    private Task<HttpResponseMessage> PostStartAsync(Guid sessionId) =>
        _http.PostAsync(new Uri($"/api/sessions/{sessionId}/start", UriKind.Relative), null);

    /// <summary>
    /// Posts a chat message as the member whose bearer token is given (not this client's own sign-in), so that one client
    /// sends for many members: the HTTP status.
    /// </summary>
    public async Task<HttpStatusCode> SendChatMessageAsync(string token, Guid sessionId, Guid clientMessageId, string text, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ChatUrls.Messages(sessionId), UriKind.Relative))
        {
            Content = JsonContent.Create(new SendChatMessageRequest(clientMessageId, text, null)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, ct);
        return response.StatusCode;
    }

    /// <summary>One page of a session's chat history as the signed-in user reads it, body and all: its messages, or null when refused.</summary>
    public async Task<int?> ReadChatPageAsync(Guid sessionId, long? before, int limit, CancellationToken ct)
    {
        var query = before is { } cursor
            ? string.Create(CultureInfo.InvariantCulture, $"?before={cursor}&limit={limit}")
            : string.Create(CultureInfo.InvariantCulture, $"?limit={limit}");
        using var response = await _http.GetAsync(new Uri(ChatUrls.Messages(sessionId) + query, UriKind.Relative), ct);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return page.GetProperty("items").GetArrayLength();
    }

    /// <summary>
    /// The portal's memory and CPU time (<see cref="ProcessEndpoints"/>), after a full collection when <paramref name="collect"/> is set;
    /// null when the portal runs without <c>Diagnostics:ProcessEndpoints</c>.
    /// </summary>
    public async Task<ProcessFigures?> FiguresAsync(bool collect)
    {
        using var response = collect
            ? await _http.PostAsync(new Uri(ProcessEndpoints.CollectPath, UriKind.Relative), null)
            : await _http.GetAsync(new Uri(ProcessEndpoints.Path, UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ProcessFigures>();
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
