using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>
/// A loopback port that takes connections and never answers: a Firestore whose calls hang until their deadline, so an
/// instance pointed at it holds its outbox claims in the middle of a pass for as long as a test needs.
/// </summary>
internal sealed class SilentEndpoint : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public SilentEndpoint()
    {
        // Never accepted: the kernel completes the handshakes and the bytes sent wait in its buffers.
        _listener.Start();
    }

    public string HostAndPort => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public void Dispose() => _listener.Dispose();
}
