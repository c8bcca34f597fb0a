namespace Sessions.Web.Infrastructure.Http;

public static class SameOriginFraming
{
    private const string Policy = "frame-ancestors 'self'";

    /// <summary>
    /// Lets only the portal itself frame its pages, against clickjacking. Blazor sends this policy only while its circuits'
    /// WebSocket compression is on, and the portal turns that off (see <see cref="SessionsWebSetup"/>).
    /// </summary>
    public static IApplicationBuilder UseSameOriginFraming(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = Policy;
            return next(context);
        });
}
