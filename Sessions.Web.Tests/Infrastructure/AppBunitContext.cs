using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Sessions.Web.Infrastructure.Localization;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context whose components get the running app's real services (its database, the session service, live
/// subscriptions, the fake clock), signed in as the given user.
/// </summary>
public abstract class AppBunitContext : BunitContext, IAsyncLifetime
{
    /// <summary>
    /// Components wait on real database round trips (to a PostgreSQL server in that run, shared with every test running
    /// beside them), which on a busy machine outlast bUnit's default second: a page's first read was seen still running
    /// after it. A condition that never holds still fails, only later.
    /// </summary>
    static AppBunitContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The app's services as one circuit sees them: scoped ones live as long as the test's components.</summary>
    private readonly AsyncServiceScope _circuitScope;

    protected AppBunitContext(SessionsAppFactory app)
    {
        App = app;
        _circuitScope = app.Services.CreateAsyncScope();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalizedMudServices();
        // bUnit brings its own system clock; the components must share the app's fake one.
        Services.AddSingleton<TimeProvider>(app.Time);
        Services.AddFallbackServiceProvider(_circuitScope.ServiceProvider);
    }

    protected SessionsAppFactory App { get; }

    /// <summary>The signed-in user's fake authentication, to sign them out mid-test.</summary>
    protected BunitAuthorizationContext? Authorization { get; private set; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are only asynchronously disposable.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _circuitScope.DisposeAsync();
    }

    /// <summary>
    /// Renders a component as it runs in the app, on a circuit: components that ask whether they are interactive (to
    /// subscribe to live events only there) get "yes". Services must all be added before.
    /// </summary>
    protected IRenderedComponent<TComponent> RenderOnCircuit<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>> parameters)
        where TComponent : IComponent
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render(parameters);
    }

    protected void SignIn(AppUser user, string role)
    {
        var auth = Authorization = AddAuthorization();
        auth.SetAuthorized(user.DisplayName);
        auth.SetRoles(role);
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(AppClaimTypes.DisplayName, user.DisplayName),
            new Claim(AppClaimTypes.TimeZone, user.TimeZoneId));
    }
}
