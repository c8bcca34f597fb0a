using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sessions.Web.Tests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 problem with the given status and stable code, and returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static async Task<JsonElement> ShouldBeOkAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }
}
