using Scalar.AspNetCore;
using Sessions.Web.Components;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Accounts.Standing;
using Sessions.Web.Features.Administration;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Calendar;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Features.Ratings;
using Sessions.Web.Features.Reports;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Diagnostics;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;
using Sessions.Web.Infrastructure.OpenApi;
using Sessions.Web.Infrastructure.RateLimiting;
using Sessions.Web.Infrastructure.Security;
using MudBlazor.Services;

namespace Sessions.Web.Infrastructure;

public static class SessionsWebSetup
{
    public static WebApplicationBuilder AddSessionsWeb(this WebApplicationBuilder builder)
    {
        // A run from the build output (dotnet run, the tests) maps a GET/HEAD fallback {**path:file} for wwwroot files added
        // after the build, and routing settles the method before it checks that the file exists: every unknown POST, PUT or
        // DELETE answered 405 instead of 404. The portal adds nothing to wwwroot while it runs.
        builder.Configuration.AddInMemoryCollection([new("DisableStaticAssetNotFoundRuntimeFallback", "true")]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddGracefulShutdown();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddLocalizedMudServices();
        builder.AddSessionsLocalization();
        builder.Services.AddSessionsProblemDetails();
        builder.Services.AddStrictJson();
        builder.Services.AddValidation();
        builder.Services.AddSessionsOpenApi();
        builder.AddSessionsTelemetry();
        builder.AddSessionsForwardedHeaders();
        builder.AddSecurityFeature();
        builder.AddDataFeature();
        builder.AddAccountsFeature();
        builder.AddAdministrationFeature();
        builder.AddSessionsRateLimiting();
        builder.AddLiveFeature();
        builder.AddVideoFeature();
        builder.AddChatFeature();
        builder.AddActivityFeature();
        builder.AddClassesFeature();
        builder.AddSessionsFeature();
        builder.AddNotificationsFeature();
        builder.Services.AddSingleton<AttendanceService>();
        builder.Services.AddSingleton<SessionRatings>();
        builder.AddReportsFeature();
        builder.AddCalendarFeature();
        return builder;
    }

    public static WebApplication MapSessionsWeb(this WebApplication app)
    {
        // First: the error pages, the origin check, HSTS and the rate-limit partitions must all see the client's
        // address and scheme as the trusted proxy reports them.
        app.UseForwardedHeaders();
        // Before the error handling, so that even an unexpected failure's ProblemDetails speaks the request's language.
        app.UseRequestLocalization();
        app.UseFormatPreferences();
        app.UseSessionsErrorHandling();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityPerimeter();
        app.UseAuthentication();
        app.UseUserRevalidation();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            // The bearer box open by default: almost every operation needs the token.
            app.MapScalarApiReference(options => options.AddPreferredSecuritySchemes([BearerSecurity.SchemeName])).WithoutContentSecurityPolicy();
        }
        app.MapCultureEndpoints();
        app.MapAccountEndpoints();
        app.MapAdministrationEndpoints();
        app.MapSessionEndpoints();
        app.MapClassEndpoints();
        app.MapRoomEndpoints();
        app.MapAttendanceEndpoints();
        app.MapChatEndpoints();
        app.MapRatingEndpoints();
        app.MapActivityEndpoints();
        app.MapReportEndpoints();
        app.MapCalendarEndpoints();
        app.MapLiveHub();
        app.MapSessionsHealthChecks();
        app.MapProcessEndpoints(app.Configuration);
        // A circuit's WebSocket compression keeps a zlib state of ~450 KB of native memory per open page, measured
        // (docs/performance.md), to shrink render diffs of a few hundred bytes; thousands of waiting class pages cannot afford it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.DisableWebSocketCompression = true);
        return app;
    }
}
