using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sessions.Web.Features.Live.Contract;

/// <summary>
/// The hub as an AsyncAPI 3.0 document, built by reflection from <see cref="ILiveClient"/> and its payload records, so
/// an event added, renamed or reshaped is documented as it is sent. Built once; only the server entry follows the request.
/// </summary>
public static class LiveAsyncApiDocument
{
    public const string Path = "/asyncapi/v1.json";

    private const string Channel = "sessions";
    private const string AccessToken = "accessToken";
    private const string Bearer = "bearer";

    public static JsonObject Build(JsonSerializerOptions hubOptions)
    {
        var schemaOptions = LiveEventSchemas.ForSchemas(hubOptions);
        var events = LiveEventDescription.All();
        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Sessions live hub",
                ["version"] = "1",
                ["description"] = LiveHubGuide.Connecting,
            },
            ["defaultContentType"] = "application/json",
            ["channels"] = new JsonObject
            {
                [Channel] = new JsonObject
                {
                    ["address"] = LiveHub.Path,
                    ["title"] = "The live hub",
                    ["description"] = LiveHubGuide.Channel,
                    ["messages"] = Map(events, e => e.Name, e => Ref($"#/components/messages/{e.Name}")),
                },
            },
            ["operations"] = Map(events, e => $"receive{e.Name}", e => new JsonObject
            {
                ["action"] = "receive",
                ["channel"] = Ref($"#/channels/{Channel}"),
                ["summary"] = e.Summary,
                ["messages"] = new JsonArray(Ref($"#/channels/{Channel}/messages/{e.Name}")),
            }),
            ["components"] = new JsonObject
            {
                ["messages"] = Map(events, e => e.Name, Message),
                ["schemas"] = Map(events.DistinctBy(e => e.Payload), e => e.Payload.Name, e => LiveEventSchemas.Export(schemaOptions, e.Payload)),
                ["securitySchemes"] = new JsonObject
                {
                    [AccessToken] = new JsonObject
                    {
                        ["type"] = "httpApiKey",
                        ["name"] = "access_token",
                        ["in"] = "query",
                        ["description"] = LiveHubGuide.AccessToken,
                    },
                    [Bearer] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["description"] = "The same token in an `Authorization: Bearer` header, for clients that can set headers on every transport (not browsers' WebSocket).",
                    },
                },
            },
        };
    }

    /// <summary>The document as served: its one server is the host the request reached, so "try it" needs no editing.</summary>
    public static JsonObject For(JsonObject document, HttpRequest request)
    {
        var served = document.DeepClone().AsObject();
        served["servers"] = new JsonObject
        {
            ["portal"] = new JsonObject
            {
                ["host"] = request.Host.Value ?? "localhost",
                ["protocol"] = request.IsHttps ? "wss" : "ws",
                ["title"] = "This portal",
                ["description"] = LiveHubGuide.Server,
                ["security"] = new JsonArray(Ref($"#/components/securitySchemes/{AccessToken}"), Ref($"#/components/securitySchemes/{Bearer}")),
            },
        };
        return served;
    }

    private static JsonObject Message(LiveEventDescription e) => new()
    {
        ["name"] = e.Name,
        ["title"] = e.Name,
        ["summary"] = e.Summary,
        ["description"] = $"Invocation target `{e.Name}`; the payload is its one argument. Sent to: {e.Audience.Describe()}",
        ["payload"] = Ref($"#/components/schemas/{e.Payload.Name}"),
        ["x-audience"] = e.Audience.ToString(),
        ["x-groups"] = new JsonArray([.. e.Audience.Groups().Select(g => (JsonNode)g)]),
    };

    private static JsonObject Ref(string pointer) => new() { ["$ref"] = pointer };

    private static JsonObject Map(IEnumerable<LiveEventDescription> events, Func<LiveEventDescription, string> key, Func<LiveEventDescription, JsonNode> value) =>
        new(events.Select(e => KeyValuePair.Create(key(e), (JsonNode?)value(e))));
}
