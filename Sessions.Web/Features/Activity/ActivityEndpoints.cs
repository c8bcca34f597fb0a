using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;

namespace Sessions.Web.Features.Activity;

/// <summary>A session's activity log: read it, write a note or an issue, report the room's camera and microphone. No endpoint edits or deletes an entry.</summary>
public static class ActivityEndpoints
{
    private static readonly ServiceError[] Membership = [SessionErrors.NotFound, SessionErrors.NotMember];
    private static readonly ServiceError[] LiveOnly = [SessionErrors.NotLiveYet, SessionErrors.Over];

    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var logs = app.MapGroup(SessionEndpoints.ApiGroup).WithTags("Activity log").RequireAuthorization()
            .DescribeParameter("id", "The session's id (a GUID).");
        logs.MapGet("/{id}/logs", ReadAsync)
            .WithSummary("Read a session's activity log")
            .WithDescription("Entries oldest first: everything for those who teach the class and admins, a student's own entries for a "
                + "student. Each has `id`, `at` (UTC), `kind` (`session_scheduled`, `session_updated`, `session_cancelled`, `session_started`, "
                + "`wrap_up_begun`, `session_extended`, `session_ended`, `participant_joined`, `participant_left`, `join_refused`, `token_renewed`, "
                + "`chat_message_posted`, `chat_message_deleted`, `camera_on`, `camera_off`, `microphone_on`, `microphone_off`, `note`, `issue`), "
                + "who (`actor` {id, displayName, role} with `system: false`, or `actor: null` with `system: true` for the portal's own "
                + "lifecycle worker) and `details`, the kind's record (null for kinds without any). Pass `nextAfter` as `after` for the next page.")
            .DescribeParameter("after", "Only entries after this entry id (the previous page's `nextAfter`).")
            .DescribeParameter("limit", $"Entries per page, 1 to {ActivityLog.MaxPageSize}; {ActivityLog.DefaultPageSize} if absent.")
            .ProducesErrors(Membership)
            .WithExamples(response: ActivityDocs.Page);
        logs.MapPost("/{id}/logs", WriteAsync)
            .WithSummary("Write a note or an issue into a session's log")
            .WithDescription("While the session is live: those who teach the class write a `note` or an `issue`, an enrolled student an "
                + $"`issue` only (\"I can't hear\"). `text`: plain text, 1 to {ActivityLog.TextMaxLength} characters after trimming. The "
                + "session's educator hears of it at once (`ActivityLogged`); other students do not.")
            .ProducesErrors([.. Membership, .. LiveOnly, ActivityErrors.NoteNotAllowed])
            .WithExamples(ActivityDocs.WriteRequest, ActivityDocs.Issue);
        logs.MapPost("/{id}/logs/media", ReportMediaAsync)
            .WithSummary("Report the caller's camera and microphone")
            .WithDescription("The room reports that the caller turned their camera and/or microphone on (`true`) or off (`false`); each "
                + "device named becomes one entry (`camera_on`, `microphone_off`, ...). While the session is live only.")
            .ProducesErrors([.. Membership, .. LiveOnly])
            .WithExamples(new MediaReportRequest(Camera: false, Microphone: true));
        return app;
    }

    private static async Task<Results<Ok<ActivityPageDto>, ProblemHttpResult>> ReadAsync(
        Guid id, ClaimsPrincipal user, ActivityLog log, CancellationToken ct, long? after = null, int? limit = null)
    {
        var result = await log.ReadAsync(SessionActor.From(user), id, after, limit, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Created<ActivityEntryDto>, ProblemHttpResult>> WriteAsync(
        Guid id, WriteActivityRequest request, ClaimsPrincipal user, ActivityLog log, CancellationToken ct)
    {
        var result = await log.WriteAsync(SessionActor.From(user), id, request, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.Created($"{ActivityUrls.Logs(id)}?after={result.Value!.Id - 1}", result.Value);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReportMediaAsync(
        Guid id, MediaReportRequest request, ClaimsPrincipal user, ActivityLog log, CancellationToken ct)
    {
        var result = await log.ReportMediaAsync(SessionActor.From(user), id, request, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
    }
}

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the endpoints serialize them.</summary>
internal static class ActivityDocs
{
    public static readonly WriteActivityRequest WriteRequest = new(ActivityKinds.Issue, "I can't hear the teacher.");

    public static readonly ActivityEntryDto Issue = new(2071, new DateTimeOffset(2027, 4, 1, 9, 14, 30, TimeSpan.Zero), ActivityKinds.Issue,
        new ActivityActorDto("b7f2c1d0-5c1e-4d7a-9f0e-2a6c8e4b1f33", "Lina Haddad", ActivityRoles.Student), System: false,
        JsonSerializer.SerializeToElement(new { text = WriteRequest.Text }));

    public static readonly ActivityEntryDto Ended = new(2090, new DateTimeOffset(2027, 4, 1, 10, 5, 0, TimeSpan.Zero), ActivityKinds.SessionEnded,
        null, System: true, null);

    public static readonly ActivityPageDto Page = new([Issue, Ended], null);
}
