using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Sessions.Web.Features.Live;

namespace Sessions.LoadTest;

/// <summary>
/// An event heard by one member's connection, stamped with <see cref="Stopwatch.GetTimestamp"/> on arrival. The subject is
/// what the scenario matches it on: the started session's id (<c>SessionStarted</c>) or the chat message's
/// <c>clientMessageId</c> (<c>ChatMessagePosted</c>); no scenario provokes both.
/// </summary>
internal readonly record struct Receipt(int Student, Guid Subject, long Timestamp);

/// <summary>
/// One authenticated hub connection per student (or educator), as a phone or a browser tab holds it, each recording the
/// <c>SessionStarted</c> and <c>ChatMessagePosted</c> events it hears. Students are numbered by their position in the list given to <see cref="OpenAsync"/>.
/// </summary>
internal sealed class StudentConnections : IStudentListeners
{
    private static readonly TimeSpan SubscribePatience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<Receipt> _receipts = new();
    private readonly ConcurrentBag<HubConnection> _open = [];
    private int _failures;
    private int _closed;
    private string? _firstFailure;

    private readonly HashSet<int> _connected = [];

    public IReadOnlyCollection<Receipt> Receipts => _receipts;

    public IReadOnlySet<int> Connected => _connected;

    public int Failures => _failures;

    public int Closed => _closed;

    public string? FirstFailure => _firstFailure;

    public TimeSpan OtherProcessesProcessorTime => TimeSpan.Zero;

    /// <summary>Takes the receipts heard since the last call, for a listener process that passes them on.</summary>
    public IEnumerable<Receipt> TakeReceipts()
    {
        while (_receipts.TryDequeue(out var receipt))
        {
            yield return receipt;
        }
    }

    /// <param name="firstStudent">The number of the first token's student, when this process holds one shard of a larger run.</param>
    public static async Task<StudentConnections> OpenAsync(
        Uri portal, IReadOnlyList<string> tokens, int concurrency, CancellationToken ct, int firstStudent = 0)
    {
        var connections = new StudentConnections();
        var hub = new Uri(portal, LiveHub.Path);
        var connected = new ConcurrentBag<int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (student, token) =>
            {
                if (await connections.ConnectAsync(hub, firstStudent + student, tokens[student], token))
                {
                    connected.Add(firstStudent + student);
                }
            });
        connections._connected.UnionWith(connected);
        return connections;
    }

    private async Task<bool> ConnectAsync(Uri hub, int student, string token, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                // Straight to a WebSocket, as the mobile apps and browsers end up: one socket per student and no negotiate round trip.
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<LiveSubscribedMessage>(nameof(ILiveClient.Subscribed), _ => subscribed.TrySetResult());
        connection.On<StartedReceipt>(nameof(ILiveClient.SessionStarted),
            started => _receipts.Enqueue(new Receipt(student, started.SessionId, Stopwatch.GetTimestamp())));
        connection.On<PostedReceipt>(nameof(ILiveClient.ChatMessagePosted),
            posted => _receipts.Enqueue(new Receipt(student, posted.Message.ClientMessageId, Stopwatch.GetTimestamp())));
        connection.Closed += _ =>
        {
            Interlocked.Increment(ref _closed);
            return Task.CompletedTask;
        };
        try
        {
            await connection.StartAsync(ct);
            // Connected means in its class's group: the hub says so in its first message, after the handshake.
            await subscribed.Task.WaitAsync(SubscribePatience, ct);
            _open.Add(connection);
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or WebSocketException or TimeoutException or IOException)
        {
            Interlocked.Increment(ref _failures);
            Interlocked.CompareExchange(ref _firstFailure, exception.Message, null);
            await connection.DisposeAsync();
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_open, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (connection, _) => await connection.DisposeAsync());
    }

    /// <summary>Only the field the measurement matches on; the rest of the join card's payload is not read.</summary>
    private sealed record StartedReceipt(Guid SessionId);

    private sealed record PostedReceipt(PostedMessage Message);

    private sealed record PostedMessage(Guid ClientMessageId);
}
