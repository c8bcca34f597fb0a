using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.Security;

/// <summary>
/// The second line against cross-site requests, whatever credential they carry: a browser names the page that sent a
/// request in its <c>Origin</c> header, and a page the portal does not trust may neither change state nor open a live
/// connection (the hubs and the Blazor circuit, which browsers open cross-origin with the portal's cookie). Native clients
/// send no <c>Origin</c> and pass.
/// </summary>
internal sealed partial class OriginCheck(RequestDelegate next, Origins origins, ILogger<OriginCheck> logger)
{
    /// <summary>Where Blazor maps its circuit hub (negotiate, WebSocket, SSE, long polling).</summary>
    public const string BlazorCircuitPath = "/_blazor";

    private static readonly ServiceError Refusal = new(ErrorCodes.OriginNotAllowed,
        "Requests from this origin are not accepted: use the portal's own pages, or call the API without a browser origin.",
        StatusCodes.Status403Forbidden);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Origin is { Count: > 0 } origin && IsGuarded(request)
            && !(origin.Count == 1 && origins.Allows(request, origin[0]!)))
        {
            var (path, refused) = (LogText.Shorten(request.Path.Value), LogText.Shorten(origin.ToString()));
            LogRefused(logger, request.Method, path, refused);
            await Refusal.ToProblem().ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsGuarded(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)
        || HttpMethods.IsDelete(request.Method)
        || request.Path.StartsWithSegments(ApiPaths.Hubs) || request.Path.StartsWithSegments(BlazorCircuitPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} from origin {Origin}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string origin);
}
