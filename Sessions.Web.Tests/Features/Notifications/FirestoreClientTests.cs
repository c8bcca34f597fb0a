using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sessions.Web.Tests.Features.Notifications;

/// <summary>Our gRPC client against Google's own Firestore emulator: the document contract of spec §1, field by field.</summary>
[Collection(FirestoreEmulatorGroup.Name)]
public sealed class FirestoreClientTests : IDisposable
{
    // Ticks that are not whole microseconds: 2026-03-05 14:07:09.1234567 UTC.
    private static readonly DateTime _endedAt = new DateTime(2026, 3, 5, 14, 7, 9, DateTimeKind.Utc).AddTicks(1_234_567);
    private static readonly DateTime _endedAtInMicroseconds = new DateTime(2026, 3, 5, 14, 7, 9, DateTimeKind.Utc).AddTicks(1_234_560);

    private readonly FirestoreEmulatorFixture _emulator;
    private readonly ITestOutputHelper _output;
    private readonly IHost _host;
    private readonly FirestoreClient _client;
    private readonly CancellationToken _ct = CancellationToken.None;

    public FirestoreClientTests(FirestoreEmulatorFixture emulator, ITestOutputHelper output)
    {
        _emulator = emulator;
        _output = output;
        _host = emulator.CreateClientHost(ProjectId);
        _client = _host.Services.GetRequiredService<FirestoreClient>();
    }

    private static string ProjectId => "demo-sessions-tests";

    [Fact]
    public async Task A_started_session_leaves_exactly_the_three_fields_all_strings()
    {
        var educatorId = NewEducatorId();

        await _client.WriteSessionStartedAsync(educatorId, "42", _ct);

        var document = await ReadExistingAsync(educatorId);
        Assert.Equal(InProgress(educatorId, "42"), Describe(document));
        Assert.EndsWith($"/databases/(default)/documents/sessions_in_progress/{educatorId}", document.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_over_a_completed_document_replaces_it_and_drops_endedAt()
    {
        var educatorId = NewEducatorId();
        await _client.WriteSessionStartedAsync(educatorId, "first", _ct);
        await _client.WriteSessionEndedAsync(educatorId, "first", _endedAt, _ct);
        Assert.Contains("endedAt", (await ReadExistingAsync(educatorId)).Fields.Keys);

        await _client.WriteSessionStartedAsync(educatorId, "second", _ct);

        Assert.Equal(InProgress(educatorId, "second"), Describe(await ReadExistingAsync(educatorId)));
    }

    [Fact]
    public async Task An_ended_session_is_completed_with_endedAt_a_timestamp_of_whole_microseconds()
    {
        var educatorId = NewEducatorId();
        await _client.WriteSessionStartedAsync(educatorId, "7", _ct);

        await _client.WriteSessionEndedAsync(educatorId, "7", _endedAt, _ct);

        Assert.Equal(Completed(educatorId, "7"), Describe(await ReadExistingAsync(educatorId)));
    }

    [Fact]
    public async Task An_end_instant_read_from_SQLite_without_a_kind_is_taken_as_UTC()
    {
        var educatorId = NewEducatorId();

        await _client.WriteSessionEndedAsync(educatorId, "7", DateTime.SpecifyKind(_endedAt, DateTimeKind.Unspecified), _ct);

        var endedAt = (await ReadExistingAsync(educatorId)).Fields["endedAt"];
        Assert.Equal(new FirestoreField(FirestoreValueKind.TimestampValue, _endedAtInMicroseconds), endedAt);
    }

    [Fact]
    public async Task A_local_end_time_is_refused()
    {
        var local = DateTime.SpecifyKind(_endedAt, DateTimeKind.Local);

        await Assert.ThrowsAsync<ArgumentException>(() => _client.WriteSessionEndedAsync(NewEducatorId(), "7", local, _ct));
    }

    [Fact]
    public async Task Ending_a_session_whose_document_is_missing_still_writes_the_whole_document()
    {
        var educatorId = NewEducatorId();

        await _client.WriteSessionEndedAsync(educatorId, "9", _endedAt, _ct);

        Assert.Equal(Completed(educatorId, "9"), Describe(await ReadExistingAsync(educatorId)));
    }

    [Fact]
    public async Task Writing_the_same_start_or_end_again_leaves_the_same_document()
    {
        var started = NewEducatorId();
        var ended = NewEducatorId();
        await _client.WriteSessionStartedAsync(started, "1", _ct);
        await _client.WriteSessionEndedAsync(ended, "2", _endedAt, _ct);
        var firstStarted = Describe(await ReadExistingAsync(started));
        var firstEnded = Describe(await ReadExistingAsync(ended));

        await _client.WriteSessionStartedAsync(started, "1", _ct);
        await _client.WriteSessionEndedAsync(ended, "2", _endedAt, _ct);

        Assert.Equal(firstStarted, Describe(await ReadExistingAsync(started)));
        Assert.Equal(firstEnded, Describe(await ReadExistingAsync(ended)));
    }

    [Fact]
    public async Task Reading_a_document_that_was_never_written_gives_null()
    {
        Assert.Null(await _client.ReadAsync(NewEducatorId(), _ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("__reserved__")]
    [InlineData("____")]
    public async Task Ids_that_cannot_name_a_document_are_refused_before_any_call(string educatorId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.WriteSessionStartedAsync(educatorId, "1", _ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.WriteSessionEndedAsync(educatorId, "1", _endedAt, _ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.ReadAsync(educatorId, _ct));
    }

    [Fact]
    public async Task An_id_that_is_not_valid_Unicode_is_refused()
    {
        // Built here: a lone surrogate in [InlineData] would not survive test discovery.
        var educatorId = "educator-" + '\ud800';

        await Assert.ThrowsAsync<ArgumentException>(() => _client.WriteSessionStartedAsync(educatorId, "1", _ct));
    }

    [Fact]
    public async Task An_id_over_1500_bytes_is_refused_and_one_of_exactly_1500_bytes_is_written()
    {
        var prefix = NewEducatorId();
        // 'é' is two bytes of UTF-8.
        var exactly1500 = prefix + new string('é', (1500 - prefix.Length) / 2) + new string('x', (1500 - prefix.Length) % 2);
        var over = exactly1500 + "x";

        await Assert.ThrowsAsync<ArgumentException>(() => _client.WriteSessionStartedAsync(over, "1", _ct));
        await _client.WriteSessionStartedAsync(exactly1500, "1", _ct);

        Assert.Equal(exactly1500, (await ReadExistingAsync(exactly1500)).Fields["educatorId"].Value);
    }

    [Theory]
    [InlineData("__")]
    [InlineData("___")]
    [InlineData("__x")]
    [InlineData("x__")]
    [InlineData("...")]
    [InlineData("12345")]
    [InlineData("6f1c1f0e-8a5e-4c52-9b8e-3f4c2d1a0b9c")]
    public async Task Ids_close_to_the_reserved_forms_are_written(string educatorId)
    {
        // Fixed ids: a project of its own keeps them apart from every other run of this test.
        using var host = _emulator.CreateClientHost(FirestoreEmulatorFixture.NewProjectId());
        var client = host.Services.GetRequiredService<FirestoreClient>();

        await client.WriteSessionStartedAsync(educatorId, "1", _ct);

        Assert.Equal(educatorId, (await client.ReadAsync(educatorId, _ct))?.Fields["educatorId"].Value);
    }

    [Fact]
    public async Task While_the_emulator_is_down_writes_fail_at_once_as_transient_and_the_same_client_writes_once_it_is_back()
    {
        var educatorId = NewEducatorId();
        await _client.WriteSessionStartedAsync(educatorId, "before", _ct);

        await _emulator.StopAsync();
        try
        {
            var elapsed = Stopwatch.StartNew();
            var failure = await Assert.ThrowsAsync<RpcException>(() => _client.WriteSessionStartedAsync(educatorId, "during", _ct));
            _output.WriteLine($"Failed after {elapsed.ElapsedMilliseconds} ms: {failure.Status}");

            // Unavailable, not DeadlineExceeded: the call did not wait for its 5 s deadline.
            Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
            Assert.True(FirestoreErrors.IsTransient(failure.StatusCode));
            await Assert.ThrowsAsync<RpcException>(() => _client.WriteSessionEndedAsync(educatorId, "during", _endedAt, _ct));
        }
        finally
        {
            await _emulator.StartAgainAsync();
        }
        _output.WriteLine($"Emulator starts: {string.Join(", ", _emulator.StartTimes.Select(time => $"{time.TotalSeconds:0.0} s"))}");
        var reconnecting = Stopwatch.StartNew();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await _client.WaitUntilConnectedAsync(timeout.Token);
        }
        _output.WriteLine($"The client reconnected {reconnecting.ElapsedMilliseconds} ms after the emulator was ready");

        await _client.WriteSessionStartedAsync(educatorId, "after", _ct);

        Assert.Equal("after", (await ReadExistingAsync(educatorId)).Fields["sessionId"].Value);
    }

    public void Dispose() => _host.Dispose();

    private static string NewEducatorId() => $"educator-{Guid.NewGuid():N}";

    private async Task<NotifierDocument> ReadExistingAsync(string educatorId) =>
        await _client.ReadAsync(educatorId, _ct) ?? throw new Xunit.Sdk.XunitException($"sessions_in_progress/{educatorId} does not exist.");

    // The whole document, field by field in name order: exactly these fields, with these value types.
    private static (string Name, FirestoreValueKind Kind, object? Value)[] InProgress(string educatorId, string sessionId) =>
    [
        ("educatorId", FirestoreValueKind.StringValue, educatorId),
        ("sessionId", FirestoreValueKind.StringValue, sessionId),
        ("status", FirestoreValueKind.StringValue, "in_progress"),
    ];

    private static (string Name, FirestoreValueKind Kind, object? Value)[] Completed(string educatorId, string sessionId) =>
    [
        ("educatorId", FirestoreValueKind.StringValue, educatorId),
        ("endedAt", FirestoreValueKind.TimestampValue, _endedAtInMicroseconds),
        ("sessionId", FirestoreValueKind.StringValue, sessionId),
        ("status", FirestoreValueKind.StringValue, "completed"),
    ];

    private static (string Name, FirestoreValueKind Kind, object? Value)[] Describe(NotifierDocument document) =>
        [.. document.Fields.OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => (field.Key, field.Value.Kind, field.Value.Value))];
}
