using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Infrastructure.Http;

/// <summary>
/// <c>/health/live</c> says the process answers and checks nothing, so a slow database never gets an instance restarted;
/// <c>/health/ready</c> checks what serving needs (the database, the notifier's backlog) so a load balancer can take the
/// instance out of rotation. <c>/health</c> stays as the same readiness answer for existing probes.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/health";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>Checks with this tag decide readiness.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapSessionsHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, Options(_ => false));
        var ready = Options(check => check.Tags.Contains(ReadyTag));
        app.MapHealthChecks(ReadyPath, ready);
        app.MapHealthChecks(Path, ready);
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteAsync,
        // Degraded still serves traffic; only Unhealthy should take the instance out of a load balancer.
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    /// <summary>
    /// Each check's description and figures (backlog sizes, error texts) tell an outsider about the school's traffic and
    /// infrastructure, so only an admin or a caller on the machine itself sees them; everyone else gets the status.
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        object body = SeesDetail(context)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    entry => entry.Key,
                    entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data }),
            }
            : new { status = report.Status.ToString() };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }

    private static bool SeesDetail(HttpContext context) =>
        context.User.IsInRole(AppRoles.Admin)
        || context.Connection.RemoteIpAddress is { } caller && IPAddress.IsLoopback(caller);
}
