using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Live.Contract;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Live;

/// <summary>
/// <c>/asyncapi/v1.json</c> against what the hub really is: the <see cref="ILiveClient"/> interface, the payload records as
/// the hub's serializer writes them, the official AsyncAPI parser, the docs page, and one event off a real socket.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class AsyncApiDocumentTests(SessionsAppFactory app)
{
    private static readonly IReadOnlyList<LiveEventDescription> Events = LiveEventDescription.All();

    private static string[] EventNames => [.. Events.Select(e => e.Name).Order()];

    [Fact]
    public async Task Is_served_without_a_token_with_the_requests_host_as_its_server()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(LiveAsyncApiDocument.Path);

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3.0.0", (string?)document["asyncapi"]);
        Assert.Equal(client.BaseAddress!.Authority, (string?)document["servers"]!["portal"]!["host"]);
        Assert.Equal(LiveHub.Path, (string?)document["channels"]!["sessions"]!["address"]);
    }

    [Fact]
    public async Task Every_method_of_the_interface_is_a_message_and_a_receive_operation_and_nothing_else_is()
    {
        var document = await DocumentAsync();

        Assert.Equal(EventNames, Keys(document["components"]!["messages"]!));
        Assert.Equal(EventNames, Keys(document["channels"]!["sessions"]!["messages"]!));
        var operations = document["operations"]!.AsObject();
        Assert.Equal(EventNames, operations.Select(o => Resolve(document, o.Value!["messages"]![0]!)["name"]!.GetValue<string>()).Order());
        Assert.All(operations, o => Assert.Equal("receive", (string?)o.Value!["action"]));
    }

    [Fact]
    public async Task Each_message_states_the_audience_and_summary_of_its_attribute()
    {
        var document = await DocumentAsync();

        Assert.All(Events, e =>
        {
            var message = document["components"]!["messages"]![e.Name]!;
            Assert.Equal(e.Audience.ToString(), (string?)message["x-audience"]);
            Assert.Equal(e.Audience.Groups(), message["x-groups"]!.AsArray().Select(g => g!.GetValue<string>()));
            Assert.Equal(e.Summary, (string?)message["summary"]);
            Assert.Contains(e.Audience.Describe(), (string?)message["description"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Each_payload_schema_has_the_records_members_as_the_hub_writes_them()
    {
        var document = await DocumentAsync();
        var naming = HubJson().PropertyNamingPolicy!;
        var nullability = new NullabilityInfoContext();

        Assert.All(Events, e =>
        {
            var schema = Resolve(document, document["components"]!["messages"]![e.Name]!["payload"]!);
            var members = e.Payload.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            Assert.Equal(members.Select(m => naming.ConvertName(m.Name)).Order(), Keys(schema["properties"]!));
            // The hub writes every member, nulls included: none may be missing from a message.
            Assert.Equal(members.Select(m => naming.ConvertName(m.Name)).Order(), schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
            foreach (var member in members)
            {
                var type = schema["properties"]![naming.ConvertName(member.Name)]!["type"]!;
                var mayBeNull = nullability.Create(member).ReadState == NullabilityState.Nullable;
                Assert.True(mayBeNull == type.ToJsonString().Contains("\"null\"", StringComparison.Ordinal),
                    $"{e.Payload.Name}.{member.Name} is {(mayBeNull ? "nullable" : "not nullable")}, the schema says {type.ToJsonString()}");
            }
        });
    }

    [Fact]
    public async Task Times_ids_and_counts_have_the_formats_the_hub_writes()
    {
        var started = Resolve(await DocumentAsync(), JsonNode.Parse("""{"$ref":"#/components/schemas/ParticipantJoinedMessage"}""")!)["properties"]!;

        Assert.Equal("""{"type":"string","format":"uuid"}""", started["sessionId"]!.ToJsonString());
        Assert.Equal("""{"type":"string","format":"date-time"}""", started["joinedAt"]!.ToJsonString());
        Assert.Equal("integer", (string?)started["classId"]!["type"]);
        Assert.Equal("""{"type":"integer","minimum":0,"maximum":4294967295}""", started["rtcUid"]!.ToJsonString());
    }

    [Fact]
    public async Task The_official_AsyncAPI_parser_finds_no_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sessions-asyncapi-{Guid.NewGuid():N}.json");
        using (var client = app.CreateClient())
        {
            await File.WriteAllTextAsync(path, await client.GetStringAsync(LiveAsyncApiDocument.Path));
        }
        try
        {
            var run = await NodeScript.RunAsync(Path.Combine("Sessions.Web.Tests", "Features", "Live", "asyncapi-parser"),
                Path.Combine("@asyncapi", "parser"), ["validate.mjs", path]);

            Assert.True(run.ExitCode == 0, $"@asyncapi/parser rejected the document: {run}");
            var verdict = JsonNode.Parse(run.Output)!;
            Assert.Equal("3.0.0", (string?)verdict["version"]);
            Assert.Equal(Events.Count, (int?)verdict["messages"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_docs_page_lists_every_event()
    {
        var page = await File.ReadAllTextAsync(Path.Combine(PortalProcess.RepositoryRoot(), "docs", "live-hub.md"));

        Assert.Equal(EventNames, EventRow().Matches(page).Select(m => m.Groups["name"].Value).Order());
    }

    [Fact]
    public void An_event_without_an_audience_stops_the_document_from_being_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LiveEventDescription.Of(typeof(IUndocumentedClient)));

        Assert.Contains($"{nameof(IUndocumentedClient)}.{nameof(IUndocumentedClient.Surprise)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_hub_sends_has_the_members_the_schema_names()
    {
        var educator = await app.Data.EducatorAsync();
        var student = await app.Data.StudentAsync();
        var session = await app.Data.SessionAsync(await app.Data.ClassAsync(educator, student));
        var subscribed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = LiveListener.Connection(app, await app.Data.TokenForAsync(student));
        // JsonElement keeps the member names exactly as they came over the wire.
        connection.On<JsonElement>(nameof(ILiveClient.Subscribed), payload => subscribed.TrySetResult(payload.Clone()));
        connection.On<JsonElement>(nameof(ILiveClient.SessionStarted), payload => started.TrySetResult(payload.Clone()));
        await connection.StartAsync();
        var groups = await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var client = await app.Data.ClientForAsync(educator);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        var sent = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var document = await DocumentAsync();
        Assert.Equal(SchemaMembers(document, nameof(ILiveClient.Subscribed)), groups.EnumerateObject().Select(m => m.Name).Order());
        Assert.Equal(SchemaMembers(document, nameof(ILiveClient.SessionStarted)), sent.EnumerateObject().Select(m => m.Name).Order());
        Assert.Equal(session.Id, sent.GetProperty("sessionId").GetGuid());
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = app.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync(LiveAsyncApiDocument.Path))!;
    }

    private JsonSerializerOptions HubJson() => app.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;

    private static IEnumerable<string> SchemaMembers(JsonNode document, string message) =>
        Keys(Resolve(document, document["components"]!["messages"]![message]!["payload"]!)["properties"]!);

    private static IEnumerable<string> Keys(JsonNode map) => map.AsObject().Select(p => p.Key).Order();

    /// <summary>Follows local <c>$ref</c>s (<c>#/a/b</c>) to what they point at; any other node is itself.</summary>
    private static JsonNode Resolve(JsonNode document, JsonNode node) =>
        node["$ref"] is { } pointer
            ? Resolve(document, pointer.GetValue<string>().TrimStart('#', '/').Split('/').Aggregate(document, (at, key) => at[key]!))
            : node;

    /// <summary>A row of the events table: <c>| `SessionStarted` | …</c>.</summary>
    [GeneratedRegex(@"^\| `(?<name>[A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex EventRow();

    private interface IUndocumentedClient
    {
        Task Surprise(SessionStartedMessage message);
    }
}
