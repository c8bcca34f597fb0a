using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts.Passwords;

/// <summary>
/// While an account must change its password (an administrator created from configuration), every page leads to
/// <c>/account</c> and every API call is refused with <c>password_change_required</c>; the account page, signing out and
/// what those pages load stay open.
/// </summary>
public static class PasswordChangeGate
{
    private static readonly string[] OpenPrefixes = [OwnAccount.PagePath, "/_blazor", "/_framework", "/_content", "/health"];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!context.User.HasClaim(c => c.Type == AppClaimTypes.MustChangePassword)
                || OpenPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
                || Path.HasExtension(path.Value))
            {
                await next(context);
            }
            else if (ApiPaths.IsApi(path))
            {
                await PasswordErrors.ChangeRequired.ToProblem().ExecuteAsync(context);
            }
            else
            {
                context.Response.Redirect(OwnAccount.PagePath);
            }
        });
}
