using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Notifications;

/// <summary>
/// What our client writes, read back by Google's official Node client (@google-cloud/firestore, as the mobile apps'
/// SDKs see it): a Firestore string is a string and endedAt a Firestore timestamp, not text that looks like one.
/// </summary>
[Collection(FirestoreEmulatorGroup.Name)]
public sealed class OfficialClientTests : IDisposable
{
    private readonly FirestoreEmulatorFixture _emulator;
    private readonly string _projectId = FirestoreEmulatorFixture.NewProjectId();
    private readonly IHost _host;
    private readonly FirestoreClient _client;

    public OfficialClientTests(FirestoreEmulatorFixture emulator)
    {
        _emulator = emulator;
        _host = emulator.CreateClientHost(_projectId);
        _client = _host.Services.GetRequiredService<FirestoreClient>();
    }

    [Fact]
    public async Task The_official_client_reads_a_started_session_as_three_strings()
    {
        await _client.WriteSessionStartedAsync("educator-1", "1001", CancellationToken.None);

        var document = await OfficialFirestoreReader.ReadAsync(_emulator.HostAndPort, _projectId, "educator-1");

        Assert.True(document.Exists);
        Assert.Equal(
            [("educatorId", "string", "\"educator-1\""), ("sessionId", "string", "\"1001\""), ("status", "string", "\"in_progress\"")],
            document.Describe());
    }

    [Fact]
    public async Task The_official_client_reads_an_ended_session_with_endedAt_as_a_timestamp_to_the_microsecond()
    {
        var endedAt = new DateTime(2026, 11, 24, 9, 30, 15, DateTimeKind.Utc).AddTicks(9_876_543);
        await _client.WriteSessionStartedAsync("educator-2", "1002", CancellationToken.None);
        await _client.WriteSessionEndedAsync("educator-2", "1002", endedAt, CancellationToken.None);

        var document = await OfficialFirestoreReader.ReadAsync(_emulator.HostAndPort, _projectId, "educator-2");

        var seconds = new DateTimeOffset(endedAt).ToUnixTimeSeconds();
        Assert.Equal(
            [("educatorId", "string", "\"educator-2\""), ("endedAt", "timestamp", $$"""{"seconds":{{seconds}},"nanoseconds":987654000}"""),
             ("sessionId", "string", "\"1002\""), ("status", "string", "\"completed\"")],
            document.Describe());
    }

    [Fact]
    public async Task The_official_client_finds_no_document_for_an_educator_never_written()
    {
        var document = await OfficialFirestoreReader.ReadAsync(_emulator.HostAndPort, _projectId, "educator-never");

        Assert.False(document.Exists);
        Assert.Empty(document.Fields);
    }

    public void Dispose() => _host.Dispose();
}

/// <summary>Runs official-client/read-document.mjs with Node against the emulator and parses what it prints.</summary>
internal static class OfficialFirestoreReader
{
    public static async Task<OfficialDocument> ReadAsync(string emulatorHost, string projectId, string educatorId)
    {
        var run = await NodeScript.RunAsync(Path.Combine("Sessions.Web.Tests", "Features", "Notifications", "official-client"),
            "@google-cloud/firestore", ["read-document.mjs", projectId, educatorId],
            new Dictionary<string, string> { [FirestoreOptions.EmulatorHostVariable] = emulatorHost });
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"node read-document.mjs failed: {run}");
        }
        return JsonSerializer.Deserialize<OfficialDocument>(run.Output, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("read-document.mjs printed nothing.");
    }
}

internal sealed record OfficialDocument(bool Exists, Dictionary<string, OfficialField> Fields)
{
    /// <summary>(name, type as the official client sees it, value as JSON), by name.</summary>
    public (string Name, string Type, string Value)[] Describe() =>
        [.. Fields.OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => (field.Key, field.Value.Type, field.Value.Value.GetRawText()))];
}

internal sealed record OfficialField(string Type, JsonElement Value);
