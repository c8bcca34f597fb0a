using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Accounts;

public static class AccountEndpoints
{
    public const string LoginPath = "/login";
    public const string LogoutPath = "/account/logout";
    public const string ForbiddenPath = "/forbidden";

    private static readonly ServiceError InvalidCredentials =
        new("invalid_credentials", "The email or password is not right.", StatusCodes.Status401Unauthorized);

    private static readonly ServiceError LockedOut =
        new("locked_out", "Too many failed sign-ins: this account is locked for a few minutes.", StatusCodes.Status423Locked);

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        app.MapGet("/api/me", MeAsync).WithTags("Accounts").RequireAuthorization();
        app.MapPost(LogoutPath, LogoutAsync).RequireAuthorization().RequireAntiforgeryToken().ExcludeFromDescription();
        return app;
    }

    /// <summary>Issues a bearer token (ASP.NET Core Identity's bearer scheme), as the mobile apps use; there is no self-registration.</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request, SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email!, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The bearer handler has already written the token response.
            return TypedResults.Empty;
        }
        return (result.IsLockedOut ? LockedOut : InvalidCredentials).ToProblem();
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

    private static async Task<RedirectHttpResult> LogoutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(LoginPath);
    }
}
