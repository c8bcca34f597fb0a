using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Sessions.Web.Features.Accounts.Lockout;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Accounts.Standing;
using Sessions.Web.Features.Accounts.Tokens;
using Sessions.Web.Features.Live;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts;

public static class AccountsFeature
{
    /// <summary>Picks the cookie (the portal) or the bearer token (the mobile apps) for each request.</summary>
    public const string SmartScheme = "SessionsAuth";

    public static IHostApplicationBuilder AddAccountsFeature(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClientLockoutOptions>().BindConfiguration(ClientLockoutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SessionsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = SmartScheme;
            options.DefaultChallengeScheme = SmartScheme;
        });
        authentication.AddPolicyScheme(SmartScheme, "Cookie or bearer token", options =>
            options.ForwardDefaultSelector = CredentialSelection.SchemeFor);
        authentication.AddBearerToken(IdentityConstants.BearerScheme, options =>
            options.Events = new BearerTokenEvents { OnMessageReceived = ReadHubTokenFromQuery });
        authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(options =>
        {
            options.LoginPath = AccountEndpoints.LoginPath;
            options.AccessDeniedPath = AccountEndpoints.ForbiddenPath;
            options.Cookie.Name = "sessions.auth";
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => AnswerApiOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
            // The sign-in page sends the user on itself, through LocalReturnUrl; the handler's own redirect to ?ReturnUrl= on
            // signing in at LoginPath checks less (a tab or a non-ASCII character passed, and the latter made sign-in a 500).
            options.Events.OnRedirectToReturnUrl = _ => Task.CompletedTask;
        }));

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationState>();
        services.AddSingleton<UserStandings>();
        services.AddSingleton<ClientLockout>();
        services.AddSingleton<DeviceRecognition>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<BearerTokens>();
        services.AddScoped<PasswordSetting>();
        services.AddScoped<OwnAccount>();
        return builder;
    }

    /// <summary>Browsers' WebSocket and SSE transports cannot send headers, so SignalR clients put the token in the query.</summary>
    private static Task ReadHubTokenFromQuery(MessageReceivedContext context)
    {
        if (context.Request.Path.StartsWithSegments(LiveHub.Path) && context.Request.Query["access_token"] is [{ } token, ..])
        {
            context.Token = token;
        }
        return Task.CompletedTask;
    }

    private static Task AnswerApiOrRedirect(HttpContext context, string redirectUri, int apiStatus)
    {
        if (ApiPaths.IsApi(context.Request.Path))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }
        return Task.CompletedTask;
    }
}
