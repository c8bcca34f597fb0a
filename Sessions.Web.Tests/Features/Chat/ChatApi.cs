using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Chat;

/// <summary>The chat's calls as an app makes them.</summary>
public static class ChatApi
{
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, Guid sessionId, string text, Guid? clientMessageId = null,
        IEnumerable<Guid>? attachmentIds = null) =>
        client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages",
            new { clientMessageId = clientMessageId ?? Guid.NewGuid(), text, attachmentIds = attachmentIds?.ToArray() });

    /// <summary>Sends and asserts 201: the stored message.</summary>
    public static async Task<JsonElement> SentAsync(this HttpClient client, Guid sessionId, string text, Guid? clientMessageId = null,
        IEnumerable<Guid>? attachmentIds = null) =>
        await (await client.SendAsync(sessionId, text, clientMessageId, attachmentIds)).ShouldBeCreatedAsync();

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid sessionId, byte[] bytes, string fileName, string declaredType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return client.PostAsync($"/api/sessions/{sessionId}/attachments", form);
    }

    public static async Task<JsonElement> UploadedAsync(this HttpClient client, Guid sessionId, byte[] bytes, string fileName, string declaredType) =>
        await (await client.UploadAsync(sessionId, bytes, fileName, declaredType)).ShouldBeCreatedAsync();

    public static async Task<JsonElement> PageAsync(this HttpClient client, Guid sessionId, long? before = null, int? limit = null)
    {
        var query = string.Join("&", new[] { before is { } b ? $"before={b}" : null, limit is { } l ? $"limit={l}" : null }.OfType<string>());
        return await (await client.GetAsync($"/api/sessions/{sessionId}/messages?{query}")).ShouldBeOkAsync();
    }

    public static async Task<JsonElement> ShouldBeCreatedAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        Assert.NotNull(response.Headers.Location);
        return JsonDocument.Parse(body).RootElement;
    }
}
