using System.Diagnostics;
using System.Text.Json;

namespace Sessions.Web.Infrastructure.Http;

public static class ProblemDetailsSetup
{
    /// <summary>Every API failure, expected or not, is RFC 9457 ProblemDetails with a stable <c>code</c> and a trace id.</summary>
    public static IServiceCollection AddSessionsProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Extensions.TryAdd(ProblemResults.CodeKey, ErrorCodes.ForStatus(status));
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
            RetryAfter.CopyToHeader(context);
            if (status == StatusCodes.Status400BadRequest && context.Exception is BadHttpRequestException { InnerException: JsonException json })
            {
                var unreadable = StrictJson.ErrorFor(json);
                problem.Detail = unreadable.Message;
                problem.Extensions["errors"] = unreadable.Details!["errors"];
            }
            else if (status == StatusCodes.Status400BadRequest && context.Exception is BadHttpRequestException bad)
            {
                // A non-GUID id or a missing body: say which, without echoing internals.
                problem.Detail ??= bad.Message;
            }
        });

    /// <summary>API requests get ProblemDetails for bare status codes; pages get the not-found page.</summary>
    public static WebApplication UseSessionsErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusFor,
            // A request the client got wrong is answered, not a fault of ours to log as an error with its stack.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseWhen(context => ApiPaths.IsApi(context.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(context => !ApiPaths.IsApi(context.Request.Path),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        return app;
    }

    private static int StatusFor(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
}
