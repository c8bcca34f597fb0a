using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context whose components get the running app's real services (SQLite, the session service, live
/// subscriptions, the fake clock), signed in as the given user.
/// </summary>
public abstract class AppBunitContext : BunitContext, IAsyncLifetime
{
    protected AppBunitContext(SessionsAppFactory app)
    {
        App = app;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // bUnit brings its own system clock; the components must share the app's fake one.
        Services.AddSingleton<TimeProvider>(app.Time);
        Services.AddFallbackServiceProvider(app.Services);
    }

    protected SessionsAppFactory App { get; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are only asynchronously disposable.</summary>
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected void SignIn(AppUser user, string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user.DisplayName);
        auth.SetRoles(role);
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(AppClaimTypes.DisplayName, user.DisplayName),
            new Claim(AppClaimTypes.TimeZone, user.TimeZoneId));
    }
}
