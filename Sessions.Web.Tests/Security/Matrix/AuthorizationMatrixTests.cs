using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Sessions.Web.Tests.Security.Matrix;

/// <summary>
/// Every endpoint × every role gets the answer <see cref="AuthorizationMatrix"/> writes down for it, each against a
/// fresh class and session. The endpoints come from the app's own endpoint data source, so one added without a row fails.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixApp matrix) : IClassFixture<MatrixApp>
{
    public static TheoryData<string, MatrixRole> Cells()
    {
        var cells = new TheoryData<string, MatrixRole>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var role in Enum.GetValues<MatrixRole>())
            {
                cells.Add(row.Endpoint, role);
            }
        }
        return cells;
    }

    [Fact]
    public void Every_endpoint_of_the_app_has_a_row_and_every_row_an_endpoint()
    {
        var endpoints = matrix.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // Static files are public by design: the app's own scripts and styles, and the Agora SDK.
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(NameOf)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var rows = AuthorizationMatrix.Rows.Select(r => r.Endpoint).Order(StringComparer.Ordinal).ToList();

        Assert.True(endpoints.SequenceEqual(rows),
            $"Endpoints without a row: {string.Join("; ", endpoints.Except(rows))}. Rows without an endpoint: {string.Join("; ", rows.Except(endpoints))}.");
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_gets_the_answer_written_down_for_it(string endpoint, MatrixRole role)
    {
        var row = AuthorizationMatrix.Rows.Single(r => r.Endpoint == endpoint);

        using var response = await matrix.ProbeAsync(row, role);

        Assert.Equal(row.Expected[role], await AnswerOfAsync(response));
    }

    /// <summary>"METHODS pattern", as the rows name endpoints.</summary>
    private static string NameOf(RouteEndpoint endpoint) =>
        $"{string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}";

    /// <summary>The status, then the problem's code or the path a redirect leads to.</summary>
    private static async Task<string> AnswerOfAsync(HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location)
        {
            return $"{status} {(location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0])}";
        }
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return $"{status} {problem.RootElement.GetProperty("code").GetString()}";
        }
        return status;
    }
}
