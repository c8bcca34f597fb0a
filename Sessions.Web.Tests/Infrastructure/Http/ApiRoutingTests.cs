using System.Net;

namespace Sessions.Web.Tests.Infrastructure.Http;

/// <summary>A path the API does not have is 404 whatever the method; a method a path does not take is 405 naming those it does.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ApiRoutingTests(SessionsAppFactory app)
{
    [Theory]
    [InlineData("GET", "/api/nope")]
    [InlineData("POST", "/api/nope")]
    [InlineData("PUT", "/api/nope/deeper/still")]
    [InlineData("DELETE", "/api/sessions/x/y/z")]
    public async Task An_unknown_api_path_is_not_found_whatever_the_method(string method, string path)
    {
        using var educator = await app.Data.ClientForAsync(await app.Data.EducatorAsync());

        using var response = await educator.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_method_a_known_path_does_not_take_is_not_allowed()
    {
        using var educator = await app.Data.ClientForAsync(await app.Data.EducatorAsync());

        using var response = await educator.DeleteAsync("/api/sessions");

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }
}
