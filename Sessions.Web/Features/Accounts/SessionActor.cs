using System.Security.Claims;

namespace Sessions.Web.Features.Accounts;

/// <summary>Who is asking, as the services see it: the same for a page, the API and the hub.</summary>
public sealed record SessionActor(string UserId, bool IsAdmin, bool IsEducator)
{
    public bool CanActFor(string educatorId) => IsAdmin || UserId == educatorId;

    public static SessionActor From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The principal is not signed in."),
        principal.IsInRole(AppRoles.Admin),
        principal.IsInRole(AppRoles.Educator));
}
