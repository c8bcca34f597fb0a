using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts.Tokens;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;
using Sessions.Web.Infrastructure.RateLimiting;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Accounts;

public static class AccountEndpoints
{
    public const string LoginPath = "/login";
    public const string LogoutPath = "/account/logout";
    public const string ForbiddenPath = "/forbidden";
    public const string PreferencesPath = "/api/me/preferences";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts").AllowAnonymous();
        auth.MapPost("/login", LoginAsync).RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithSummary("Sign in")
            .WithDescription("Exchanges an email and password for a bearer token (15 minutes) and a refresh token. Wrong passwords lock "
                + "out the device that typed them (5 failures: 5 minutes), never the account; the answers are the same whether or not the email exists.")
            .ProducesErrors(AccountErrors.InvalidCredentials, AccountErrors.AccountDisabled, AccountDocs.LockedOut)
            .WithExamples(AccountDocs.LoginRequest, AccountDocs.Tokens);
        auth.MapPost("/refresh", RefreshAsync).RequireRateLimiting(RateLimitPolicies.TokenRefresh)
            .WithSummary("Refresh the tokens")
            .WithDescription("Exchanges a refresh token for a new pair. Each refresh token works once: presenting it again revokes every "
                + "token of that sign-in, so an app must not refresh twice in parallel.")
            .ProducesErrors(AccountErrors.InvalidRefreshToken, AccountErrors.RefreshTokenReused)
            .WithExamples(AccountDocs.RefreshRequest, AccountDocs.Tokens);
        auth.MapPost("/revoke", RevokeAsync).RequireRateLimiting(RateLimitPolicies.TokenRefresh)
            .WithSummary("Sign out")
            .WithDescription("Ends the sign-in the refresh token belongs to. Answers 204 whether or not the token was known.")
            .WithExamples(AccountDocs.RefreshRequest);
        app.MapGet("/api/me", MeAsync).WithTags("Accounts").RequireAuthorization()
            .WithSummary("Who am I")
            .WithDescription("The caller's account: id, email, display name, roles, Agora uid and IANA time zone.");
        var preferences = app.MapGroup(PreferencesPath).WithTags("Accounts").RequireAuthorization();
        preferences.MapGet("", PreferencesAsync)
            .WithSummary("My language and formats")
            .WithDescription("The caller's language (`culture`: null follows the browser's `Accept-Language`), clock (`h12`, `h23`, or null "
                + "for the language's) and digits (`latn`, `arab`, or null for the language's). The portal's pages and this API's problems "
                + "speak the chosen language.")
            .WithExamples(response: AccountDocs.Preferences);
        preferences.MapPut("", ChangePreferencesAsync)
            .WithSummary("Choose my language and formats")
            .WithDescription("Replaces all three choices; null in one follows the browser or the language. The next request and the "
                + "next sign-in follow them; a page already open follows after a reload.")
            .WithExamples(AccountDocs.Preferences, AccountDocs.Preferences);
        app.MapPost(LogoutPath, LogoutAsync).RequireAuthorization().RequireAntiforgeryToken().ExcludeFromDescription();
        return app;
    }

    /// <summary>Signs an app in (there is no self-registration): a 15-minute bearer token and a refresh token.</summary>
    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, PasswordSignIn signIn, BearerTokens tokens, CancellationToken ct)
    {
        var checkedIn = await signIn.CheckAsync(http, request.Email!, request.Password!, ct);
        return checkedIn.Error is { } refused ? refused.ToProblem() : TypedResults.Ok(await tokens.IssueAsync(checkedIn.Value!, ct));
    }

    /// <summary>A new token pair for a refresh token, which then stops working; presenting it again revokes the whole sign-in.</summary>
    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, BearerTokens tokens, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            return ServiceError.Validation("refreshToken", "refreshToken is required.").ToProblem();
        }
        var refreshed = await tokens.RefreshAsync(request.RefreshToken, ct);
        return refreshed.Error is { } refused ? refused.ToProblem() : TypedResults.Ok(refreshed.Value!);
    }

    /// <summary>Signs an app out: its refresh token's sign-in ends. Answers 204 whether or not the token was known.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(RefreshRequest request, BearerTokens tokens, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            return ServiceError.Validation("refreshToken", "refreshToken is required.").ToProblem();
        }
        await tokens.RevokeAsync(request.RefreshToken, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> MeAsync(
        ClaimsPrincipal principal, UserManager<AppUser> users, CancellationToken ct)
    {
        var userId = SessionActor.From(principal).UserId;
        var user = await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new ServiceError(ErrorCodes.Unauthenticated, "This account no longer exists.", StatusCodes.Status401Unauthorized).ToProblem();
        }
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, [.. roles], (uint)user.RtcUid, user.TimeZoneId));
    }

    private static async Task<Ok<AccountPreferences>> PreferencesAsync(ClaimsPrincipal principal, OwnAccount account) =>
        TypedResults.Ok(await account.PreferencesAsync(SessionActor.From(principal).UserId));

    private static async Task<Results<Ok<AccountPreferences>, ProblemHttpResult>> ChangePreferencesAsync(
        AccountPreferences body, ClaimsPrincipal principal, OwnAccount account)
    {
        var changed = await account.ChangePreferencesAsync(SessionActor.From(principal).UserId, body);
        return changed.Error is { } refused ? refused.ToProblem() : TypedResults.Ok(AccountPreferences.Of(changed.Value!));
    }

    private static async Task<RedirectHttpResult> LogoutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(LoginPath);
    }
}
