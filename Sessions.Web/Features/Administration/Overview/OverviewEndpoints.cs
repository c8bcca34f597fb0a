using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.OpenApi;

namespace Sessions.Web.Features.Administration.Overview;

/// <summary><c>GET /api/admin/overview</c>, in the administrators' group.</summary>
public static class OverviewEndpoints
{
    public const string Path = "/overview";

    public static RouteGroupBuilder MapOverviewEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet(Path, GetAsync)
            .WithSummary("Today's sessions across the school")
            .WithDescription("The school's sessions for the caller's own day (their time zone): those live now (in progress or wrapping up, "
                + $"whenever they started), those starting within {SchoolOverview.SoonWithin.TotalMinutes:0} minutes or due and not started "
                + "while they still may be, and those missed today (their start window closed unstarted), each with its class, its educator "
                + "and who is in its room; with counts of today's other sessions: scheduled after the coming hour, and completed. "
                + $"Each list carries at most {SchoolOverview.MaxListed} sessions and the count of all.")
            .WithExamples(response: OverviewDocs.Overview);
        return admin;
    }

    private static async Task<Ok<SchoolOverviewDto>> GetAsync(ClaimsPrincipal user, SchoolOverview overview, CancellationToken ct)
    {
        var userTime = UserTime.For(user);
        return TypedResults.Ok(SchoolOverviewDto.From(await overview.TodayAsync(userTime, ct), userTime.Zone.Id));
    }
}
