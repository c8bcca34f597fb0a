using System.Buffers;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Sessions.Web.Features.Live;

namespace Sessions.Benchmarks;

/// <summary>
/// The join card's <c>SessionStarted</c> frame in SignalR's JSON protocol: once per message, and for 1,000 recipients
/// the way a group send does it (serialized once, the same bytes written to each connection) against serializing per recipient.
/// </summary>
[MemoryDiagnoser]
public class JoinCardSerializationBenchmarks
{
    private const int Recipients = 1_000;

    private readonly JsonHubProtocol _protocol = new();
    private readonly ArrayBufferWriter<byte> _output = new(256);
    private readonly object?[] _arguments =
    [
        new SessionStartedMessage(Guid.NewGuid(), 4_211, "Algebra I: quadratic equations", "Ada Lovelace",
            new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)),
    ];

    [Benchmark]
    public int OneFrame()
    {
        _output.ResetWrittenCount();
        _protocol.WriteMessage(new InvocationMessage(nameof(ILiveClient.SessionStarted), _arguments), _output);
        return _output.WrittenCount;
    }

    [Benchmark]
    public int ThousandRecipientsSerializedOnce()
    {
        var message = new SerializedHubMessage(new InvocationMessage(nameof(ILiveClient.SessionStarted), _arguments));
        var bytes = 0;
        for (var i = 0; i < Recipients; i++)
        {
            bytes += message.GetSerializedMessage(_protocol).Length;
        }
        return bytes;
    }

    [Benchmark]
    public int ThousandRecipientsSerializedEach()
    {
        var bytes = 0;
        for (var i = 0; i < Recipients; i++)
        {
            bytes += OneFrame();
        }
        return bytes;
    }
}
