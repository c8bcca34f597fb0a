using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sessions.Web.Tests.Security;

/// <summary>
/// Every endpoint that reads a JSON body, found in the app's own endpoint data source, gets a few hundred bodies mutated
/// from a valid one by a fixed-seed generator. Whatever arrives, the answer is never a server error, every refusal is
/// ProblemDetails with a code, and a refused request leaves the business tables as they were. Its own app and database,
/// so the tables hold only what the fuzzing did.
/// </summary>
public sealed class FuzzTests(FuzzApp fuzzApp, ITestOutputHelper output) : IClassFixture<FuzzApp>
{
    private readonly SessionsAppFactory app = fuzzApp.App;

    private const int BodiesPerEndpoint = 300;
    private const int FailuresShown = 25;

    [Fact]
    public void Every_json_endpoint_has_a_seed_body_and_every_seed_an_endpoint()
    {
        var endpoints = JsonEndpoints();

        Assert.True(endpoints.Count > 0, "no endpoint that reads JSON was found");
        Assert.True(endpoints.SequenceEqual(FuzzSeeds.ByEndpoint.Keys.Order(StringComparer.Ordinal)),
            $"JSON endpoints without a seed in FuzzSeeds: {string.Join("; ", endpoints.Except(FuzzSeeds.ByEndpoint.Keys))}. "
            + $"Seeds without an endpoint: {string.Join("; ", FuzzSeeds.ByEndpoint.Keys.Except(endpoints))}.");
    }

    [Fact]
    public async Task No_mutated_body_gets_a_server_error_and_every_refusal_is_a_problem_that_changes_nothing()
    {
        using var world = await FuzzWorld.CreateAsync(app);
        var tables = new BusinessTables(app);
        var failures = new List<string>();
        var endpoints = JsonEndpoints();
        var elapsed = Stopwatch.StartNew();
        var fingerprint = await tables.FingerprintAsync();

        foreach (var endpoint in endpoints)
        {
            Assert.True(FuzzSeeds.ByEndpoint.TryGetValue(endpoint, out var seedFor), $"{endpoint} reads JSON but has no seed body in {nameof(FuzzSeeds)}");
            var seed = seedFor(world);
            var answers = new SortedDictionary<int, int>();
            foreach (var body in new JsonMutations(seed.Body, JsonMutations.SeedFor(endpoint)).Take(BodiesPerEndpoint))
            {
                using var response = await SendAsync(seed, new HttpMethod(endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)]), body);
                var status = (int)response.StatusCode;
                answers[status] = answers.GetValueOrDefault(status) + 1;
                var after = await tables.FingerprintAsync();
                if (await WhatIsWrongAsync(response, changed: after != fingerprint) is { } wrong)
                {
                    failures.Add($"{endpoint} with {body}{Environment.NewLine}    {wrong}");
                }
                fingerprint = after;
            }
            output.WriteLine($"{endpoint}: {BodiesPerEndpoint} bodies, answered {string.Join(", ", answers.Select(a => $"{a.Key} ×{a.Value}"))}");
        }
        output.WriteLine($"{endpoints.Count} endpoints × {BodiesPerEndpoint} bodies = {endpoints.Count * BodiesPerEndpoint} requests in "
            + $"{elapsed.Elapsed.TotalSeconds:0.0} s; tables at the end: {fingerprint}");

        Assert.True(failures.Count == 0, $"{failures.Count} of {endpoints.Count * BodiesPerEndpoint} answers were wrong; the first:"
            + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(FailuresShown)));
    }

    /// <summary>Endpoints whose metadata says they accept a JSON body, as "METHOD route pattern", in order.</summary>
    private List<string> JsonEndpoints() =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains(JsonMutations.Json) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    private static Task<HttpResponseMessage> SendAsync(FuzzSeed seed, HttpMethod method, FuzzBody body)
    {
        var content = new ByteArrayContent(body.Bytes);
        if (body.ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
        }
        var request = new HttpRequestMessage(method, seed.Path) { Content = content };
        if (seed.ApiVersion is not null)
        {
            request.Headers.Add("api-version", seed.ApiVersion);
        }
        return seed.Client.SendAsync(request);
    }

    /// <summary>Null for a right answer: a success, or a 4xx ProblemDetails with a code that changed no business row.</summary>
    private static async Task<string?> WhatIsWrongAsync(HttpResponseMessage response, bool changed)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var answer = $"{status}: {(text.Length > 300 ? text[..300] + "…" : text)}";
        if (status < 300)
        {
            return null;
        }
        if (status >= 500)
        {
            return $"a server error, {answer}";
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || CodeOf(text) is null)
        {
            return $"not ProblemDetails with a code, {answer}";
        }
        return changed ? $"refused, yet the business tables changed, {answer}" : null;
    }

    private static string? CodeOf(string problem)
    {
        try
        {
            using var json = JsonDocument.Parse(problem);
            return json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
