namespace Sessions.Web.Infrastructure.Security;

/// <summary>
/// The security headers of every response, pages and API alike, refusals and errors included: they are set as the
/// response starts, after the exception handler has cleared whatever a failed request had set.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Camera and microphone for the video room, on the portal only; every other powerful feature for nobody.</summary>
    public const string PermissionsPolicy =
        "camera=(self), microphone=(self), display-capture=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), "
        + "bluetooth=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), xr-spatial-tracking=(), browsing-topics=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyExemption>() is null)
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy.Policy;
                }
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// For the Development-only API browser (<c>/scalar</c>), whose page configures itself with an inline module script;
    /// the portal's own pages never carry it.
    /// </summary>
    public static TBuilder WithoutContentSecurityPolicy<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ContentSecurityPolicyExemption());

    private sealed class ContentSecurityPolicyExemption;
}
