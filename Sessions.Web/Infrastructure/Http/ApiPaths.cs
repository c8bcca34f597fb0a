namespace Sessions.Web.Infrastructure.Http;

/// <summary>Requests answered with JSON (ProblemDetails, 401/403) rather than pages and redirects.</summary>
public static class ApiPaths
{
    public const string Api = "/api";
    public const string MobileSessions = "/sessions/start";
    public const string Hubs = "/hubs";

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments(Api) || path.StartsWithSegments(MobileSessions) || path.StartsWithSegments(Hubs)
        || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/asyncapi");
}
