using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.OpenApi;

/// <summary>Parameter descriptions, the api-version header and examples, read from the endpoint's <see cref="ApiDocs"/> metadata.</summary>
internal sealed class OperationDetails(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<ApiVersionMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = ApiVersionFilter.Header,
                In = ParameterLocation.Header,
                Required = true,
                Description = "The mobile contract's version; only the listed versions are served.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. ApiVersionFilter.Supported.Select(v => (System.Text.Json.Nodes.JsonNode)v)] },
            });
        }
        // Group conventions come first in the metadata, so the endpoint's own description wins.
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declared in metadata.OfType<ParameterDescriptionMetadata>())
        {
            descriptions[declared.Name] = declared.Description;
        }
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } name && descriptions.TryGetValue(name, out var description))
            {
                parameter.Description = description;
            }
        }
        var success = operation.Responses?.Where(r => r.Key.StartsWith('2')).Select(r => r.Value).FirstOrDefault();
        if (metadata.OfType<ExamplesMetadata>().LastOrDefault() is { } examples)
        {
            AddExample(operation.RequestBody?.Content, examples.Request);
            AddExample(success?.Content, examples.Response);
        }
        foreach (var (name, request, response) in metadata.OfType<NamedExamplesMetadata>().SelectMany(named => named.Examples))
        {
            AddExample(operation.RequestBody?.Content, request, name);
            AddExample(success?.Content, response, name);
        }
        foreach (var oneOf in metadata.OfType<OneOfResponseMetadata>())
        {
            if (operation.Responses?.GetValueOrDefault(oneOf.StatusCode.ToString(CultureInfo.InvariantCulture))?.Content?.Values.FirstOrDefault() is { } media)
            {
                var shapes = new List<IOpenApiSchema>();
                foreach (var shape in oneOf.Shapes)
                {
                    shapes.Add(await context.GetOrCreateSchemaAsync(shape, null, cancellationToken));
                }
                media.Schema = new OpenApiSchema { OneOf = shapes };
            }
        }
    }

    private void AddExample(IDictionary<string, OpenApiMediaType>? content, object? example, string? name = null)
    {
        if (example is null || content?.Values.FirstOrDefault() is not { } media)
        {
            return;
        }
        var value = JsonSerializer.SerializeToNode(example, example.GetType(), json.Value.SerializerOptions);
        if (name is null)
        {
            media.Example = value;
        }
        else
        {
            media.Examples ??= new Dictionary<string, IOpenApiExample>(StringComparer.Ordinal);
            media.Examples[name] = new OpenApiExample { Value = value };
        }
    }
}
