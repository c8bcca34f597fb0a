using BenchmarkDotNet.Attributes;
using Sessions.Web.Features.Video.AccessTokens;
using Sessions.Web.Features.Video;

namespace Sessions.Benchmarks;

/// <summary>One participant's RTC token, as <see cref="RoomTokenIssuer"/> builds it at every start and join.</summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private const string AppId = "0123456789abcdef0123456789abcdef";
    private const string AppCertificate = "fedcba9876543210fedcba9876543210";

    private readonly AgoraTokenBuilder _builder = new(TimeProvider.System);

    [Benchmark]
    public string RtcPublisherToken() =>
        _builder.BuildRtcToken(AppId, AppCertificate, "session-3f2b8c1e9d7a4b6f8e0c1a2b3c4d5e6f", 1_000_123, AgoraRole.Publisher, 3_600);

    [Benchmark]
    public string RtmToken() => _builder.BuildRtmToken(AppId, AppCertificate, "8b1f3c2e-4d5a-4b6c-9e7f-0a1b2c3d4e5f", 3_600);
}
