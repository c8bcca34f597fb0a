using System.Net;
using System.Text.Json;

namespace Sessions.LoadTest;

/// <summary>
/// Reads notifier documents through the emulator's REST surface: an observer independent of the portal's own
/// gRPC client, seeing what a mobile app would see.
/// </summary>
internal sealed class EmulatorReader(string hostAndPort, string projectId) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://{hostAndPort}/") };

    /// <summary>The document's status and session id, or null while it does not exist.</summary>
    public async Task<(string Status, string SessionId)?> ReadAsync(string educatorId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"v1/projects/{projectId}/databases/(default)/documents/sessions_in_progress/{educatorId}");
        request.Headers.Authorization = new("Bearer", "owner");
        using var response = await _http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        var fields = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("fields");
        return (fields.GetProperty("status").GetProperty("stringValue").GetString()!,
            fields.GetProperty("sessionId").GetProperty("stringValue").GetString()!);
    }

    public async Task<bool> IsUpAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/", UriKind.Relative));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();
}
