using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Sessions.Web.Infrastructure.Http;

/// <summary>
/// A request the framework could not read (malformed JSON, a route value of the wrong type, a missing body) is the
/// caller's mistake, not the portal's: one Information line, without a stack trace and with the echoed value shortened,
/// and a ProblemDetails with the status the framework chose. Handling it here also keeps the exception handler middleware
/// from logging it at Error, which made every malformed request a lever to flood the log. Unexpected faults are not
/// handled here and stay Errors.
/// </summary>
internal sealed partial class ClientErrors(IProblemDetailsService problems, ILogger<ClientErrors> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var reason = LogText.Shorten(bad.Message, LogText.SentenceLength);
        var path = LogText.Shorten(httpContext.Request.Path.Value);
        LogClientError(logger, httpContext.Request.Method, path, bad.StatusCode, reason);
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new ProblemDetails { Status = bad.StatusCode, Detail = reason };
        if (bad.InnerException is JsonException json)
        {
            // A body the strict JSON options refused: name the field, as a validation problem does.
            var unreadable = StrictJson.ErrorFor(json);
            problem.Detail = unreadable.Message;
            problem.Extensions[ProblemResults.CodeKey] = unreadable.Code;
            problem.Extensions["errors"] = unreadable.Details!["errors"];
        }
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client error on {Method} {Path}: {StatusCode} {Reason}")]
    private static partial void LogClientError(ILogger logger, string method, string path, int statusCode, string reason);
}
