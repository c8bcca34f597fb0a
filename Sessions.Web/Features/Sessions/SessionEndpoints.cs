using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions.Series;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;

namespace Sessions.Web.Features.Sessions;

public static class SessionEndpoints
{
    public const string MobileGroup = "/sessions";
    public const string ApiGroup = "/api/sessions";
    public const string MyGroup = "/api/me";
    internal const string GetSessionRoute = "GetSession";

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var mobile = app.MapGroup(MobileGroup).WithTags("Mobile").RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin));
        mobile.MapPost("/start", StartForMobileAsync).RequireApiVersion().WithName("MobileStartSession")
            .WithSummary("Start a session (mobile contract)")
            .WithDescription("The mobile apps' start, api-version 6, its shape fixed: starts the session and answers the Agora tokens. "
                + "The body's `educatorId` must be the caller, who teaches the session's class (its owner or a co-educator); an "
                + "admin names the session's own educator.")
            .ProducesErrors([SessionErrors.NotOwner, SessionErrors.NotFound, .. SessionDocs.StartRefusals])
            .WithExamples(SessionDocs.MobileStartRequest, SessionDocs.MobileStartResponse);

        var sessions = app.MapGroup(ApiGroup).WithTags("Sessions").RequireAuthorization()
            .DescribeParameter("id", "The session's id (a GUID).");
        DescribeList(sessions.MapGet("/", ListAsync));
        // The same list beside /api/me/classes, with the caller's own resources; one handler, so the two cannot drift apart.
        DescribeList(app.MapGroup(MyGroup).WithTags("Sessions").RequireAuthorization().MapGet("/sessions", ListAsync));
        sessions.MapGet("/{id}", GetAsync).WithName(GetSessionRoute)
            .WithSummary("Get a session")
            .WithDescription("One session of a class the caller teaches or is enrolled in, with its settings and their effective values.")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotMember)
            .WithExamples(response: SessionDocs.Scheduled);
        var educators = sessions.MapGroup("").RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin));
        educators.MapPost("/{id}/start", StartAsync)
            .WithSummary("Start a session")
            .WithDescription("Starts a scheduled session from a few minutes before its time (those who teach its class: its owner, a "
                + "co-educator, an admin) and answers the caller's Agora tokens, in the portal's fixed start envelope. The session stays "
                + "its owner's: one live session per educator counts the owner's.")
            .ProducesErrors([SessionErrors.NotFound, SessionErrors.NotOwner, .. SessionDocs.StartRefusals])
            .WithExamples(response: SessionDocs.StartEnvelope);
        educators.MapPost("/{id}/end", EndAsync)
            .WithSummary("End a session")
            .WithDescription("Ends a live session at once (also during its wrap-up): every stay in the room closes. Its owner, a "
                + "co-educator of its class, or an admin.")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotOwner, SessionDocs.InvalidStatus);
        educators.MapPost("/{id}/extend", ExtendAsync)
            .WithSummary("Extend a live session")
            .WithDescription("Books a live session (in progress, or wrapping up) 5, 10 or 15 more minutes; those who may end it may extend "
                + $"it (its owner, a co-educator, an admin). A session is booked for at most {Session.MaxDurationMinutes} minutes in all. "
                + "A running wrap-up stops and begins again at the new end; the class and the educator hear `SessionExtended`.")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotOwner, SessionDocs.InvalidMinutes, SessionErrors.NotLiveYet,
                SessionErrors.Over, SessionDocs.ExtensionLimit)
            .WithExamples(SessionDocs.ExtendRequest, SessionDocs.Extended);
        educators.MapSessionBookingEndpoints();
        app.MapSeriesEndpoints();
        return app;
    }

    private static RouteHandlerBuilder DescribeList(RouteHandlerBuilder list) => list
        .WithSummary("List the caller's sessions")
        .WithDescription("The sessions of the caller's classes (taught or enrolled in), newest first, a page at a time.")
        .DescribeParameter("status", "Only these statuses, comma-separated: scheduled, in_progress, end_request_pending, completed, cancelled.")
        .DescribeParameter("from", "Only sessions scheduled to start at or after this time (ISO 8601 with an offset).")
        .DescribeParameter("to", "Only sessions scheduled to start before this time (ISO 8601 with an offset); later than `from`.")
        .DescribeParameter("page", "The page, from 1.")
        .DescribeParameter("pageSize", $"Sessions per page, 1 to {SessionQueries.MaxPageSize}.");

    private static async Task<Results<Ok<MobileStartResponse>, ProblemHttpResult>> StartForMobileAsync(
        MobileStartRequest request, ClaimsPrincipal user, SessionService sessions, CancellationToken ct)
    {
        // The service checks that the caller may act for the session's educator, and that it is the one named.
        var result = await sessions.StartAsync(SessionActor.From(user), request.SessionId!.Value, ct, request.EducatorId);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(MobileStartResponse.From(result.Value!));
    }

    private static async Task<Results<Ok<Seed001StartEnvelope>, ProblemHttpResult>> StartAsync(
        Guid id, ClaimsPrincipal user, SessionService sessions, TimeProvider time, CancellationToken ct)
    {
        var result = await sessions.StartAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(Seed001StartEnvelope.From(result.Value!, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> EndAsync(
        Guid id, ClaimsPrincipal user, SessionService sessions, CancellationToken ct)
    {
        var result = await sessions.EndAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(SessionDto.From(result.Value!.Session));
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> ExtendAsync(
        Guid id, ExtendSessionBody body, ClaimsPrincipal user, SessionService sessions, CancellationToken ct)
    {
        var result = await sessions.ExtendAsync(SessionActor.From(user), id, body.Minutes ?? 0, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(SessionDto.From(result.Value!));
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, SessionQueries queries, CancellationToken ct)
    {
        var result = await queries.GetAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(SessionDto.From(result.Value!));
    }

    private static async Task<Results<Ok<ApiPage<SessionDto>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, SessionQueries queries, CancellationToken ct,
        string? status = null, string? from = null, string? to = null, int page = 1, int pageSize = 20)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Read(errors, page, pageSize);
        var filter = new SessionFilter(ReadStatuses(errors, status), ApiTime.ReadInstant(errors, nameof(from), from),
            ApiTime.ReadInstant(errors, nameof(to), to));
        if (filter is { FromUtc: { } fromUtc, ToUtc: { } toUtc } && toUtc <= fromUtc)
        {
            errors.Add(nameof(to), "to must be later than from.");
        }
        if (errors.ToError() is { } invalid)
        {
            return invalid.ToProblem();
        }
        var found = await queries.ListAsync(SessionActor.From(user), filter, paging, ct);
        return TypedResults.Ok(ApiPage.Of([.. found.Items.Select(SessionDto.From)], paging, found.TotalCount));
    }

    private static readonly Dictionary<string, SessionStatus> StatusesByWireName =
        Enum.GetValues<SessionStatus>().ToDictionary(WireNames.Of, StringComparer.Ordinal);

    /// <summary><c>status=scheduled,in_progress</c>: any of the listed wire names.</summary>
    private static List<SessionStatus> ReadStatuses(FieldErrors errors, string? status)
    {
        var statuses = new List<SessionStatus>();
        foreach (var name in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (StatusesByWireName.TryGetValue(name, out var known))
            {
                statuses.Add(known);
            }
            else
            {
                errors.Add(nameof(status), $"Unknown status '{name}'; use {string.Join(", ", StatusesByWireName.Keys)}.");
            }
        }
        return statuses;
    }
}
