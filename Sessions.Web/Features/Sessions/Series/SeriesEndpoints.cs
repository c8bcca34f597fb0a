using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;

namespace Sessions.Web.Features.Sessions.Series;

/// <summary>
/// <c>GET</c> and <c>PATCH /api/series/{id}</c> and <c>POST /api/series/{id}/cancel</c>: a weekly series booked with
/// <c>POST /api/sessions</c>, read whole, or changed or cancelled from one session on. One session of a series is changed or
/// cancelled as any other.
/// </summary>
public static class SeriesEndpoints
{
    public const string Group = "/api/series";
    internal const string GetSeriesRoute = "GetSeries";

    public static IEndpointRouteBuilder MapSeriesEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup(Group).WithTags("Sessions").RequireAuthorization()
            .DescribeParameter("id", "The series' id (a GUID), the `seriesId` its booking answered.");
        members.MapGet("/{id:guid}", GetAsync).WithName(GetSeriesRoute)
            .WithSummary("Get a series")
            .WithDescription("Every session of a weekly series, in order of their start, each as `GET /api/sessions/{id}` shows it "
                + "(cancelled and past ones included); for members of its class.")
            .ProducesErrors(SeriesErrors.NotFound, SessionErrors.NotMember)
            .WithExamples(response: SeriesDocs.Updated);
        var series = members.MapGroup("").RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin));
        series.MapPatch("/{id:guid}", UpdateAsync)
            .WithSummary("Change a series from one session on")
            .WithDescription("Changes the title, description, duration or time of day (`startTime`, `HH:mm` on the class educator's wall "
                + "clock, DST-correct) of the series' scheduled sessions starting from `fromSessionId` on, in one step, with the rules and "
                + "live events of editing one session; sessions already started, ended or cancelled stay as they are. Its owner or an "
                + "admin, not a co-educator. Answers the sessions it changed.")
            .ProducesErrors(SeriesErrors.NotFound, SessionErrors.NotOwner)
            .WithExamples(SeriesDocs.UpdateRequest, SeriesDocs.Updated);
        series.MapPost("/{id:guid}/cancel", CancelAsync)
            .WithSummary("Cancel a series")
            .WithDescription("Cancels every scheduled session of the series, or those from `fromSessionId` on, each as `POST "
                + "/api/sessions/{id}/cancel` does (the optional reason is shown to the students); sessions already started, ended or "
                + "cancelled stay as they are. Its owner or an admin, not a co-educator. Answers the ids of the sessions it cancelled.")
            .ProducesErrors(SeriesErrors.NotFound, SessionErrors.NotOwner)
            .WithExamples(SeriesDocs.CancelRequest, SeriesDocs.Cancelled);
        return app;
    }

    private static async Task<Results<Ok<SeriesSessionsDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, SessionSeries series, CancellationToken ct)
    {
        var result = await series.GetAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(SeriesSessionsDto.From(id, result.Value!));
    }

    private static async Task<Results<Ok<SeriesSessionsDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateSeriesBody body, ClaimsPrincipal user, SessionSeries series, CancellationToken ct)
    {
        var changes = body.ToChanges();
        if (changes.Error is { } unreadable)
        {
            return unreadable.ToProblem();
        }
        var result = await series.UpdateFollowingAsync(SessionActor.From(user), id, changes.Value!, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.Ok(SeriesSessionsDto.From(id, result.Value!));
    }

    private static async Task<Results<Ok<CancelledSeriesDto>, ProblemHttpResult>> CancelAsync(
        Guid id, [FromBody] CancelSeriesBody? body, ClaimsPrincipal user, SessionSeries series, CancellationToken ct)
    {
        var result = await series.CancelAsync(SessionActor.From(user), id, body?.FromSessionId, body?.Reason, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(new CancelledSeriesDto(id, result.Value!));
    }
}
