using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.OpenApi;

/// <summary>
/// Documents every refusal an operation can answer with: one response per status, its ProblemDetails schema narrowed to
/// the codes of that status, each code explained, and an example built from the first of them.
/// </summary>
internal sealed class ErrorResponses : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema.Name] = ProblemSchema.Create();
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<ProducesErrorsMetadata>().SelectMany(m => m.Errors);
        var errors = ErrorRules.Implied(context.Description).Concat(declared).DistinctBy(e => (e.StatusCode, e.Code));
        operation.Responses ??= new OpenApiResponses();
        foreach (var status in errors.GroupBy(e => e.StatusCode).OrderBy(g => g.Key))
        {
            operation.Responses[status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Response(context.Document!, [.. status]);
        }
        return Task.CompletedTask;
    }

    private static OpenApiResponse Response(OpenApiDocument document, IReadOnlyList<ServiceError> errors)
    {
        var status = errors[0].StatusCode;
        var response = new OpenApiResponse
        {
            Description = $"{ReasonPhrases.GetReasonPhrase(status)}. `code` is one of:\n\n"
                + string.Join("\n", errors.Select(e => $"- `{e.Code}`: {e.Message}")),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemSchema.ContentType] = new() { Schema = ProblemSchema.WithCodes(document, errors.Select(e => e.Code)), Example = Example(errors[0]) },
            },
        };
        if (status == StatusCodes.Status429TooManyRequests)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Whole seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                },
            };
        }
        return response;
    }

    private static JsonObject Example(ServiceError error)
    {
        var example = new JsonObject
        {
            ["title"] = ReasonPhrases.GetReasonPhrase(error.StatusCode),
            ["status"] = error.StatusCode,
            ["detail"] = error.Message,
            [ProblemResults.CodeKey] = error.Code,
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        // The factories' sample facts (a window's times, a version list) show the extension members a client can read.
        // invalid_status's own "status" fact collides with the RFC member; the example keeps the RFC's.
        foreach (var (key, value) in (error.Details ?? new Dictionary<string, object?>()).Where(d => !example.ContainsKey(d.Key)))
        {
            example[key] = JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web);
        }
        if (error.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            example[RetryAfter.DetailKey] ??= 30;
        }
        return example;
    }
}
