using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.OpenApi;

/// <summary>RFC 9457 ProblemDetails as every API refusal is written (<see cref="ProblemDetailsSetup"/>), one component for the document.</summary>
public static class ProblemSchema
{
    public const string Name = "ProblemDetails";
    public const string ContentType = "application/problem+json";

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `code` is stable and machine-readable; `title` and `detail` are for people and may change.",
        Required = new HashSet<string> { "status", ProblemResults.CodeKey, "traceId" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI reference naming the problem type."),
            ["title"] = Text("A short summary of the problem type."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong this time, in a sentence a person can read."),
            ["instance"] = Text("A URI reference naming this occurrence."),
            [ProblemResults.CodeKey] = Text("The stable error code; each operation lists the codes it answers with, per status."),
            ["traceId"] = Text("Identifies the request in the portal's log; quote it when reporting a problem."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "With `validation_failed`: every invalid field (as named in the request) and its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            [RetryAfter.DetailKey] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32",
                Description = "With `rate_limited` and `locked_out`: whole seconds to wait before trying again (also the Retry-After header).",
            },
        },
        // Some refusals add facts (windowOpensAt, liveSessionId, maxParticipants, supportedVersions...).
        AdditionalPropertiesAllowed = true,
    };

    /// <summary>The shared schema narrowed to the codes one operation answers with for one status.</summary>
    public static IOpenApiSchema WithCodes(OpenApiDocument document, IEnumerable<string> codes) => new OpenApiSchema
    {
        AllOf =
        [
            new OpenApiSchemaReference(Name, document),
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    [ProblemResults.CodeKey] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. codes.Select(c => (JsonNode)c)] },
                },
            },
        ],
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
