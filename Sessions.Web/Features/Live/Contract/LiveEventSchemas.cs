using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sessions.Web.Features.Live.Contract;

/// <summary>JSON Schemas of the event payloads, exported with the hub protocol's own serializer options.</summary>
public static class LiveEventSchemas
{
    /// <summary>
    /// The hub's options, with nullable annotations respected: the records' annotations are what the compiler holds
    /// the server to, so a non-nullable <c>string</c> is documented as never null rather than as "string or null".
    /// </summary>
    public static JsonSerializerOptions ForSchemas(JsonSerializerOptions hub) => new(hub)
    {
        RespectNullableAnnotations = true,
        TypeInfoResolver = hub.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
    };

    public static JsonNode Export(JsonSerializerOptions options, Type payload) =>
        options.GetJsonSchemaAsNode(payload, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) => Bounded(context, RequireWhatIsAlwaysWritten(options, context, schema)),
        });

    // The exporter says only "integer"; an app storing an Agora uid needs to know it is unsigned 32-bit.
    private static JsonNode Bounded(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.TypeInfo.Type == typeof(uint) && schema is JsonObject integer)
        {
            integer["minimum"] = uint.MinValue;
            integer["maximum"] = uint.MaxValue;
        }
        return schema;
    }

    // Receivers care whether a member can be missing, not whether a sender may omit it: the hub writes every member
    // (nulls included) unless the options or an attribute say to skip it, so those members are always present.
    private static JsonNode RequireWhatIsAlwaysWritten(JsonSerializerOptions options, JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.PropertyInfo is null && context.TypeInfo.Kind == JsonTypeInfoKind.Object && schema is JsonObject objectSchema
            && options.DefaultIgnoreCondition == JsonIgnoreCondition.Never)
        {
            objectSchema["required"] = new JsonArray([.. context.TypeInfo.Properties
                .Where(property => property.Get is not null && property.ShouldSerialize is null)
                .Select(property => (JsonNode)property.Name)]);
        }
        return schema;
    }
}
