namespace Sessions.Web.Infrastructure.Security;

public static class SecurityFeature
{
    /// <summary>The perimeter's options (section <c>Security</c>, validated at start), trusted origins and cookie policy.</summary>
    public static IHostApplicationBuilder AddSecurityFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        builder.Services.AddSingleton<Origins>();
        builder.Services.AddSecureCookies(builder.Environment);
        builder.Services.AddSharedKeyRing();
        return builder;
    }

    /// <summary>
    /// The perimeter's middleware, in this order at the head of the pipeline (after error handling, before authentication):
    /// headers first so every answer carries them, then the origin check, then the cookie policy before anything sets a cookie.
    /// </summary>
    public static IApplicationBuilder UseSecurityPerimeter(this IApplicationBuilder app) =>
        app.UseSecurityHeaders().UseMiddleware<OriginCheck>().UseCookiePolicy();
}
