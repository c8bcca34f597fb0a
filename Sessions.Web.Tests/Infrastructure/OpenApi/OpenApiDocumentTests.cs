using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Infrastructure.OpenApi;
using Sessions.Web.Tests.Security.Matrix;

namespace Sessions.Web.Tests.Infrastructure.OpenApi;

/// <summary>
/// Walks <c>/openapi/v1.json</c> of the real app against the app's own endpoints, so that a mobile developer can build
/// from the document alone. What each operation must document is decided here from endpoint metadata, independently of
/// the transformers that write the document, and every gap is listed at once.
/// </summary>
public sealed partial class OpenApiDocumentTests(SessionsAppFactory app) : IClassFixture<SessionsAppFactory>
{
    private const string ProblemRef = "#/components/schemas/ProblemDetails";

    [Fact]
    public async Task Every_API_endpoint_is_documented_completely()
    {
        var document = await DocumentAsync();
        var gaps = new List<string>();
        Assert.NotEmpty(ApiEndpoints());
        foreach (var endpoint in ApiEndpoints())
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                var name = $"{method} {PathOf(endpoint)}";
                if (document["paths"]?[PathOf(endpoint)]?[method.ToLowerInvariant()] is not JsonObject operation)
                {
                    gaps.Add($"{name}: missing from the document");
                    continue;
                }
                gaps.AddRange(GapsOf(endpoint, method, operation).Select(gap => $"{name}: {gap}"));
            }
        }
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public async Task The_document_has_no_operation_the_app_does_not_serve()
    {
        var document = await DocumentAsync();
        var served = ApiEndpoints()
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {PathOf(e)}"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => o.Key != "parameters").Select(o => $"{o.Key.ToUpperInvariant()} {path.Key}"));

        var stale = documented.Where(o => !served.Contains(o)).ToList();
        Assert.True(stale.Count == 0, $"Documented but not served: {string.Join("; ", stale)}");
    }

    /// <summary>The authorization matrix watches real answers; each status and code it sees must be documented for its operation.</summary>
    [Fact]
    public async Task Every_answer_the_authorization_matrix_observes_is_documented()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            var (methods, pattern) = (row.Endpoint.Split(' ')[0], Constraint().Replace(row.Endpoint.Split(' ')[1], "{$1}").TrimEnd('/'));
            foreach (var method in methods.Split(','))
            {
                if (document["paths"]?[pattern]?[method.ToLowerInvariant()]?["responses"] is not JsonObject responses)
                {
                    continue; // Not an API operation: pages, hubs and the documents themselves.
                }
                foreach (var answer in row.Expected.Values.Distinct())
                {
                    var parts = answer.Split(' ');
                    var documented = parts.Length == 1 ? responses.ContainsKey(parts[0]) : CodesOf(responses[parts[0]]).Contains(parts[1]);
                    if (!documented)
                    {
                        missing.Add($"{method} {pattern}: {answer}");
                    }
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task The_shared_parts_are_there_once()
    {
        var document = await DocumentAsync();

        var problem = document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject();
        Assert.All(["type", "title", "status", "detail", "code", "traceId", "errors", "retryAfterSeconds"], p => Assert.True(problem.ContainsKey(p), p));
        var bearer = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", (string?)bearer["type"]);
        Assert.Equal("bearer", (string?)bearer["scheme"]);
        var conventions = (string?)document["info"]?["description"] ?? "";
        Assert.All(["camelCase", "ProblemDetails", "ISO 8601", "Bearer", "refresh"], word => Assert.Contains(word, conventions, StringComparison.Ordinal));
    }

    private static IEnumerable<string> GapsOf(RouteEndpoint endpoint, string method, JsonObject operation)
    {
        if (string.IsNullOrWhiteSpace((string?)operation["summary"]) || string.IsNullOrWhiteSpace((string?)operation["description"]))
        {
            yield return "no summary or no description";
        }
        if (operation["tags"] is not JsonArray { Count: > 0 })
        {
            yield return "no tag";
        }
        var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var parameter in parameters.Where(p => string.IsNullOrWhiteSpace((string?)p["description"])))
        {
            yield return $"parameter '{parameter["name"]}' has no description";
        }

        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null;
        if (accepts && operation["requestBody"]?["content"]?.AsObject().Any(c => c.Value?["schema"] is not null) != true)
        {
            yield return "a body without a schema";
        }
        var responses = operation["responses"]?.AsObject() ?? [];
        if (!responses.Any(r => r.Key.StartsWith('2')))
        {
            yield return "no success response";
        }
        foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('2') && r.Key != "204"))
        {
            if (response?["content"]?.AsObject().Any(c => c.Value?["schema"] is not null) != true)
            {
                yield return $"{status} without a schema";
            }
        }

        var authorized = NeedsAuthorization(endpoint);
        var secured = operation["security"] is JsonArray requirements && requirements.Any(r => r?["Bearer"] is not null);
        if (authorized != secured)
        {
            yield return authorized ? "needs authorization but has no bearer requirement" : "anonymous but asks for a bearer token";
        }

        var expected = new List<(string Status, string Code)> { ("500", "internal_error") };
        if (authorized)
        {
            expected.Add(("401", "unauthenticated"));
        }
        if (NeedsRole(endpoint))
        {
            expected.Add(("403", "forbidden"));
        }
        if (!HttpMethods.IsGet(method))
        {
            expected.Add(("403", "origin_not_allowed"));
        }
        if (accepts || endpoint.RoutePattern.Parameters.Count > 0 || parameters.Any(p => (string?)p["in"] == "query"))
        {
            expected.Add(("400", "validation_failed"));
        }
        if (endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
        {
            expected.Add(("429", "rate_limited"));
            if (responses["429"]?["headers"]?["Retry-After"] is null)
            {
                yield return "429 without the Retry-After header";
            }
        }
        if (PathOf(endpoint) == "/sessions/start")
        {
            expected.Add(("400", "unsupported_api_version"));
            if (!parameters.Any(p => (string?)p["name"] == "api-version" && (string?)p["in"] == "header" && (bool?)p["required"] == true))
            {
                yield return "no required api-version header";
            }
        }
        // What the endpoint declares itself must reach the document too.
        expected.AddRange(endpoint.Metadata.GetOrderedMetadata<ProducesErrorsMetadata>()
            .SelectMany(m => m.Errors)
            .Select(e => (e.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Code)));

        foreach (var (status, code) in expected.Distinct())
        {
            if (!CodesOf(responses[status]).Contains(code))
            {
                yield return $"{status} does not list '{code}'";
            }
        }
        foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
        {
            if (CodesOf(response).Count == 0)
            {
                yield return $"{status} without the ProblemDetails schema and its code enum";
            }
        }
    }

    /// <summary>The enumerated codes of an error response whose schema is the ProblemDetails component narrowed; none otherwise.</summary>
    private static List<string> CodesOf(JsonNode? response)
    {
        var allOf = response?["content"]?["application/problem+json"]?["schema"]?["allOf"] as JsonArray ?? [];
        if (!allOf.Any(s => (string?)s?["$ref"] == ProblemRef))
        {
            return [];
        }
        return [.. allOf.SelectMany(s => s?["properties"]?["code"]?["enum"] as JsonArray ?? []).Select(c => (string)c!)];
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = app.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync(OpenApiSetup.DocumentPath))!.AsObject();
    }

    /// <summary>The endpoints the mobile apps call: the API and the mobile start; hubs and pages are documented elsewhere.</summary>
    private IEnumerable<RouteEndpoint> ApiEndpoints() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
        .Where(e => PathOf(e).StartsWith("/api/", StringComparison.Ordinal) || PathOf(e) == "/sessions/start");

    /// <summary>The pattern as the document writes it: no constraints, no trailing slash.</summary>
    private static string PathOf(RouteEndpoint endpoint) =>
        Constraint().Replace(endpoint.RoutePattern.RawText ?? "", "{$1}").TrimEnd('/');

    private static bool NeedsAuthorization(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
        && (endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null);

    private static bool NeedsRole(RouteEndpoint endpoint) =>
        NeedsAuthorization(endpoint)
        && endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Any(p => p.Requirements.OfType<RolesAuthorizationRequirement>().Any());

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Constraint();
}
