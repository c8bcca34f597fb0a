using System.Net;
using System.Text;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// An attacker's page on another port of the same host: another origin, yet the same site, so the browser still sends
/// the portal's SameSite=Lax cookies with the requests the page makes. It serves one HTML page at <c>/</c>.
/// </summary>
public sealed class ForeignSite : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _page;
    private readonly Task _serving;

    public ForeignSite(string html)
    {
        _page = Encoding.UTF8.GetBytes(html);
        Url = new Uri($"http://127.0.0.1:{LiveServerFixture.FreePort()}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri Url { get; }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException && !_listener.IsListening)
            {
                return; // stopped
            }
            using var response = context.Response;
            if (context.Request.Url?.AbsolutePath == "/")
            {
                response.ContentType = "text/html; charset=utf-8";
                await response.OutputStream.WriteAsync(_page);
            }
            else
            {
                response.StatusCode = (int)HttpStatusCode.NotFound;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }
}
