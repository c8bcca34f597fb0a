using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using Wire = Sessions.Web.Features.Notifications.Wire;

namespace Sessions.Web.Features.Notifications;

/// <summary>
/// Writes and reads the <c>sessions_in_progress/{educatorId}</c> documents over Firestore's public gRPC API
/// (<c>Commit</c> and <c>BatchGetDocuments</c> only; spec §1–2). A singleton: its one channel is opened on the first
/// call and closed with the app, so resolving it while the notifier is off opens nothing. Failed calls surface as
/// <see cref="RpcException"/>; <see cref="FirestoreErrors.IsTransient"/> tells whether to retry.
/// </summary>
public sealed partial class FirestoreClient : IDisposable
{
    private const string RoutingHeader = "x-goog-request-params";
    private const string ResourcePrefixHeader = "google-cloud-resource-prefix";
    private const string EmulatorAuthorization = "Bearer owner";

    // FieldPaths of the end write: all four fields are sent, so the write alone makes a complete document.
    private static readonly string[] _endedMask =
    [
        NotifierContract.EducatorIdField, NotifierContract.SessionIdField, NotifierContract.StatusField, NotifierContract.EndedAtField,
    ];

    private readonly FirestoreOptions _options;
    private readonly ILogger<FirestoreClient> _logger;
    private readonly Lock _opening = new();
    private GrpcChannel? _channel;
    private Wire.Firestore.FirestoreClient? _api;

    public FirestoreClient(IOptions<FirestoreOptions> options, ILogger<FirestoreClient> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Whether Firestore is configured and enabled; when false every call throws <see cref="InvalidOperationException"/>.</summary>
    public bool IsOn => _options.IsOn;

    /// <summary>
    /// Makes the document exactly <c>{educatorId, sessionId, status: "in_progress"}</c>: one commit that deletes it and
    /// writes it whole, so a previous session's <c>endedAt</c> is gone (in production and in the emulator alike).
    /// </summary>
    public async Task WriteSessionStartedAsync(string educatorId, string sessionId, CancellationToken ct)
    {
        FirestoreDocumentId.Validate(educatorId);
        ArgumentException.ThrowIfNullOrEmpty(sessionId);

        var name = DocumentName(educatorId);
        var document = new Wire.Document { Name = name };
        document.Fields.Add(NotifierContract.EducatorIdField, StringValue(educatorId));
        document.Fields.Add(NotifierContract.SessionIdField, StringValue(sessionId));
        document.Fields.Add(NotifierContract.StatusField, StringValue(NotifierContract.InProgress));
        await CommitAsync([new Wire.Write { Delete = name }, new Wire.Write { Update = document }], ct);
    }

    /// <summary>
    /// Sets <c>status: "completed"</c> and <c>endedAt</c> (plus the two ids) with a masked update, creating the document
    /// if it is missing and leaving fields the portal does not own alone.
    /// </summary>
    /// <param name="endedAtUtc">The stored end instant, UTC (a <see cref="DateTimeKind.Unspecified"/> value, as SQLite returns it, is read as UTC); truncated to whole microseconds.</param>
    public async Task WriteSessionEndedAsync(string educatorId, string sessionId, DateTime endedAtUtc, CancellationToken ct)
    {
        FirestoreDocumentId.Validate(educatorId);
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        if (endedAtUtc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("The end instant must be UTC, not local time.", nameof(endedAtUtc));
        }

        var document = new Wire.Document { Name = DocumentName(educatorId) };
        document.Fields.Add(NotifierContract.EducatorIdField, StringValue(educatorId));
        document.Fields.Add(NotifierContract.SessionIdField, StringValue(sessionId));
        document.Fields.Add(NotifierContract.StatusField, StringValue(NotifierContract.Completed));
        document.Fields.Add(NotifierContract.EndedAtField, new Wire.Value { TimestampValue = Timestamp.FromDateTime(ToWholeMicroseconds(endedAtUtc)) });
        var write = new Wire.Write { Update = document, UpdateMask = new Wire.DocumentMask { FieldPaths = { _endedMask } } };
        await CommitAsync([write], ct);
    }

    /// <summary>The educator's document as Firestore holds it, or null when there is none.</summary>
    public async Task<NotifierDocument?> ReadAsync(string educatorId, CancellationToken ct)
    {
        FirestoreDocumentId.Validate(educatorId);

        var request = new Wire.BatchGetDocumentsRequest { Database = _options.DatabaseName, Documents = { DocumentName(educatorId) } };
        using var call = Api().BatchGetDocuments(request, CallOptions(ct));
        NotifierDocument? found = null;
        await foreach (var response in call.ResponseStream.ReadAllAsync(ct))
        {
            if (response.ResultCase == Wire.BatchGetDocumentsResponse.ResultOneofCase.Found)
            {
                found = NotifierDocument.From(response.Found);
            }
        }
        return found;
    }

    /// <summary>Firestore keeps microseconds; dropping the rest here makes what is sent equal to what is stored.</summary>
    internal static DateTime ToWholeMicroseconds(DateTime instant) =>
        new(instant.Ticks - (instant.Ticks % (TimeSpan.TicksPerMillisecond / 1000)), DateTimeKind.Utc);

    /// <summary>Waits until the channel has a live connection (after an outage, until Firestore is back and the channel noticed).</summary>
    /// <remarks>
    /// Only the outage test calls this. It stays here, internal, because it must wait on this client's own private channel:
    /// a channel the test opened itself would be ready while this one is still backing off and failing calls at once.
    /// </remarks>
    internal async Task WaitUntilConnectedAsync(CancellationToken ct)
    {
        Api();
        await _channel!.ConnectAsync(ct);
    }

    public void Dispose()
    {
        lock (_opening)
        {
            _channel?.Dispose();
        }
    }

    private async Task CommitAsync(Wire.Write[] writes, CancellationToken ct)
    {
        var request = new Wire.CommitRequest { Database = _options.DatabaseName, Writes = { writes } };
        await Api().CommitAsync(request, CallOptions(ct));
    }

    private string DocumentName(string educatorId) => $"{_options.DatabaseName}/documents/{NotifierContract.Collection}/{educatorId}";

    private static Wire.Value StringValue(string value) => new() { StringValue = value };

    // Opens the channel on first use. A failure to open it (say, an unreadable key file) is not remembered: the next call tries again.
    private Wire.Firestore.FirestoreClient Api()
    {
        if (Volatile.Read(ref _api) is { } api)
        {
            return api;
        }
        if (!_options.IsOn)
        {
            throw new InvalidOperationException(
                "Firestore is off (set Firestore:EmulatorHost or Firestore:CredentialsFile to turn it on): check FirestoreClient.IsOn before calling.");
        }
        lock (_opening)
        {
            if (_api is null)
            {
                _channel = OpenChannel();
                Volatile.Write(ref _api, new Wire.Firestore.FirestoreClient(_channel));
            }
            return _api;
        }
    }

    private CallOptions CallOptions(CancellationToken ct)
    {
        var database = _options.DatabaseName;
        var headers = new Metadata
        {
            { RoutingHeader, $"database={Uri.EscapeDataString(database)}" },
            { ResourcePrefixHeader, database },
        };
        if (_options.UsesEmulator)
        {
            headers.Add("authorization", EmulatorAuthorization);
        }
        // A gRPC deadline is wall-clock time, sent to the server as a timeout: the app's (possibly fake) TimeProvider has no say here.
        return new CallOptions(headers, DateTime.UtcNow + _options.CallTimeout, ct);
    }

    private GrpcChannel OpenChannel()
    {
        if (_options.UsesEmulator)
        {
            LogUsingEmulator(_logger, _options.EmulatorHost!, _options.DatabaseName);
            return FirestoreChannels.ForEmulator(_options.EmulatorHost!);
        }
        LogUsingProduction(_logger, FirestoreChannels.ProductionEndpoint, _options.DatabaseName);
        return FirestoreChannels.ForProduction(_options.CredentialsFile!);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Firestore client uses the emulator at {EmulatorHost} for {Database}")]
    private static partial void LogUsingEmulator(ILogger logger, string emulatorHost, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Firestore client uses {Endpoint} for {Database} with a service account")]
    private static partial void LogUsingProduction(ILogger logger, string endpoint, string database);
}
