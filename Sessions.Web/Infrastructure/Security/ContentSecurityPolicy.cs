namespace Sessions.Web.Infrastructure.Security;

/// <summary>
/// The one policy every response carries: the portal's own files and nothing else run, with the exceptions the pages need,
/// each for a reason below. docs/security.md lists the same, with the tests that hold it.
/// </summary>
public static class ContentSecurityPolicy
{
    /// <summary>
    /// The Agora Web SDK 4.x's own services, from Agora's firewall requirements for the Web SDK
    /// (https://docs.agora.io/en/introduction/firewall): <c>.agora.io</c>, <c>.edge.agora.io</c>, <c>.sd-rtn.com</c>,
    /// <c>.edge.sd-rtn.com</c>, <c>.ap.sd-rtn.com</c>, <c>.statscollector.sd-rtn.com</c>, <c>.webrtc-cloud-proxy.sd-rtn.com</c>,
    /// <c>.rtnsvc.com</c>, <c>.edge.rtnsvc.com</c>, <c>.rtesvc.com</c>, <c>.edge.rtesvc.com</c>. A <c>*.</c> source matches
    /// subdomains at any depth, so four domains cover the list. Any port: the SDK reaches its gateways as
    /// <c>wss://{ip-as-name}.edge.agora.io:{port}</c> on ports from Agora's list (4700–5000, 5668, 6443, …). The media
    /// itself goes over WebRTC (UDP), which CSP does not govern.
    /// </summary>
    public static readonly IReadOnlyList<string> AgoraDomains = ["agora.io", "sd-rtn.com", "rtnsvc.com", "rtesvc.com"];

    public static readonly string Policy = string.Join("; ",
        "default-src 'self'",
        // No inline script and no eval: blazor.web.js, MudBlazor.min.js, js/video-room.js and the SDK bundle are files of the portal.
        "script-src 'self'",
        // MudBlazor's theme writes <style> blocks and every component sets style attributes; Blazor's reconnect dialog too.
        "style-src 'self' 'unsafe-inline'",
        // MudBlazor's stylesheet has data: images.
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        // 'self' covers the circuit's and the live hub's WebSockets; the rest are Agora's services (above).
        "connect-src 'self' " + string.Join(' ', AgoraDomains.SelectMany(domain => new[] { $"https://*.{domain}:*", $"wss://*.{domain}:*" })),
        // The SDK plays camera and remote tracks in <video>/<audio> and runs its encoded-stream worker from a blob: script.
        "media-src 'self' blob: mediastream:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'");
}
