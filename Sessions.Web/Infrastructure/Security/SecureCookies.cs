using Microsoft.AspNetCore.CookiePolicy;

namespace Sessions.Web.Infrastructure.Security;

/// <summary>
/// The one decision whether cookies must be <c>Secure</c>, applied by the cookie policy middleware to every cookie the
/// portal sets (sign-in, antiforgery, and any added later), so no cookie can forget it.
/// </summary>
public static class SecureCookies
{
    /// <summary>
    /// Always outside Development, whatever scheme the request arrived with: behind a proxy that terminates TLS the
    /// request is plain http, yet the browser's is https. Development runs on http://localhost and keeps them usable there.
    /// </summary>
    public static CookieSecurePolicy PolicyFor(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    public static IServiceCollection AddSecureCookies(this IServiceCollection services, IHostEnvironment environment) =>
        services.Configure<CookiePolicyOptions>(options => options.Secure = PolicyFor(environment));
}
