using Microsoft.AspNetCore.Antiforgery;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.Security;

/// <summary>
/// Antiforgery for form posts to minimal-API endpoints. <c>UseAntiforgery</c> validates only endpoints that bind a form,
/// and the sign-out form binds nothing, so without this a page on another site could sign a user out.
/// </summary>
public static class AntiforgeryValidation
{
    private static readonly ServiceError Refusal = new(ErrorCodes.AntiforgeryFailed,
        "This form has expired or did not come from the portal: reload the page and try again.", StatusCodes.Status400BadRequest);

    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context.HttpContext) ? await next(context) : Refusal.ToProblem();
        });
}
