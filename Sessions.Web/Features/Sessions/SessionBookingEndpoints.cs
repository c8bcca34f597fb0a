using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions.Series;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;
using Sessions.Web.Infrastructure.RateLimiting;

namespace Sessions.Web.Features.Sessions;

/// <summary><c>POST /api/sessions</c>, <c>PATCH /api/sessions/{id}</c> and <c>POST /api/sessions/{id}/cancel</c>.</summary>
public static class SessionBookingEndpoints
{
    public static RouteGroupBuilder MapSessionBookingEndpoints(this RouteGroupBuilder educators)
    {
        educators.MapPost("/", CreateAsync).RequireRateLimiting(RateLimitPolicies.SessionCreation)
            .WithSummary("Book a session")
            .WithDescription("Books a scheduled session in one of the caller's classes, or creates an instant one and starts it in the same "
                + "step (a refused start leaves nothing behind). Answers 201 with the session and its URL. An archived class takes no new "
                + "sessions (`class_archived`). With `recurrence` (`{daysOfWeek: [\"monday\", …], until: \"YYYY-MM-DD\"}` or `{daysOfWeek, "
                + "count}`) it books a weekly series instead: one scheduled session per chosen day, at the start's local time of day in "
                + "the class educator's time zone (DST-correct), the first being the start itself when its day is chosen, at most "
                + $"{WeeklyRecurrence.MaxOccurrences}; the 201 is then `{{seriesId, occurrences, warnings}}` with the series' URL, each occurrence a session as "
                + "without `recurrence`, and a warning `overlaps_session` for each other scheduled or live session of the class an "
                + "occurrence overlaps (booked all the same).")
            .ProducesErrors(ClassErrors.NotFound, ClassErrors.NotOwner, ClassErrors.Archived, SessionErrors.NoStudentsEnrolled, SessionDocs.EducatorAlreadyLive)
            .ProducesOneOf(StatusCodes.Status201Created, typeof(SessionDto), typeof(SessionSeriesDto))
            .WithExamples(("session", SessionDocs.CreateRequest, SessionDocs.Scheduled), ("series", SeriesDocs.CreateRequest, SeriesDocs.Booked));
        educators.MapPatch("/{id}", UpdateAsync)
            .WithSummary("Edit or reschedule a session")
            .WithDescription("Changes the title, description, start, duration or settings of a scheduled session (its owner or an admin, "
                + "not a co-educator); members left out stay as they are.")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotOwner, SessionDocs.InvalidStatus);
        educators.MapPost("/{id}/cancel", CancelAsync)
            .WithSummary("Cancel a session")
            .WithDescription("Cancels a scheduled session before it starts (its owner or an admin, not a co-educator); the optional "
                + "reason is shown to the students.")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotOwner, SessionDocs.InvalidStatus);
        return educators;
    }

    private static async Task<Results<CreatedAtRoute<SessionDto>, CreatedAtRoute<SessionSeriesDto>, ProblemHttpResult>> CreateAsync(
        CreateSessionBody body, ClaimsPrincipal user, SessionBookings bookings, SessionSeries series, CancellationToken ct)
    {
        var request = body.ToRequest();
        if (request.Error is { } unreadable)
        {
            return unreadable.ToProblem();
        }
        var (session, recurrence) = request.Value!;
        if (recurrence is not null)
        {
            var booked = await series.CreateAsync(SessionActor.From(user), session, recurrence, ct);
            return booked.Error is { } refused
                ? refused.ToProblem()
                : TypedResults.CreatedAtRoute(SessionSeriesDto.From(booked.Value!), SeriesEndpoints.GetSeriesRoute, new { id = booked.Value!.SeriesId });
        }
        var result = await bookings.CreateAsync(SessionActor.From(user), session, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.CreatedAtRoute(SessionDto.From(result.Value!), SessionEndpoints.GetSessionRoute, new { id = result.Value!.Id });
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateSessionBody body, ClaimsPrincipal user, SessionBookings bookings, CancellationToken ct)
    {
        var changes = body.ToChanges();
        if (changes.Error is { } unreadable)
        {
            return unreadable.ToProblem();
        }
        var result = await bookings.UpdateAsync(SessionActor.From(user), id, changes.Value!, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(SessionDto.From(result.Value!));
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> CancelAsync(
        Guid id, [FromBody] CancelSessionBody? body, ClaimsPrincipal user, SessionBookings bookings, CancellationToken ct)
    {
        var result = await bookings.CancelAsync(SessionActor.From(user), id, body?.Reason, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(SessionDto.From(result.Value!));
    }
}
