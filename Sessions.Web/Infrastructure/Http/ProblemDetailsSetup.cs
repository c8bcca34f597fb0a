using Microsoft.AspNetCore.Diagnostics;
using System.Diagnostics;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Infrastructure.Http;

public static class ProblemDetailsSetup
{
    /// <summary>Every API failure, expected or not, is RFC 9457 ProblemDetails with a stable <c>code</c> and a trace id.</summary>
    public static IServiceCollection AddSessionsProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Extensions.TryAdd(ProblemResults.CodeKey, ErrorCodes.ForStatus(status));
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
            // Title and detail in the request's language; the code stays as it is.
            var text = context.HttpContext.RequestServices.GetRequiredService<ErrorText>();
            problem.Title = text.Title(status, problem.Title);
            problem.Detail = text.Detail(problem.Extensions[ProblemResults.CodeKey] as string, problem.Detail, problem.Extensions.AsReadOnly());
            RetryAfter.CopyToHeader(context);
        });
        services.AddExceptionHandler<ClientErrors>();
        // Unreadable requests take one path in every environment (ClientErrors); by default only Development throws them,
        // elsewhere the endpoint answered a bare 400 and logged the reason at Debug.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>API requests get ProblemDetails for bare status codes; pages get the not-found page.</summary>
    public static WebApplication UseSessionsErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        // An unknown page (a GET that matched no endpoint) gets the not-found page, re-executed from the app itself: from a
        // UseWhen branch the re-executed request was not routed, and the page answered a 404 with an empty body. Anything
        // else keeps its bare status (the framework's own endpoints, other methods); API requests get ProblemDetails.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            var unknownPage = (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && context.GetEndpoint() is null && !ApiPaths.IsApi(context.Request.Path);
            if (!unknownPage && context.Features.Get<IStatusCodePagesFeature>() is { } notFoundPage)
            {
                notFoundPage.Enabled = false;
            }
            return next(context);
        });
        app.UseWhen(context => ApiPaths.IsApi(context.Request.Path), api => api.UseStatusCodePages());
        return app;
    }
}
