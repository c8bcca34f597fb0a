using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;

namespace Sessions.Web.Features.Classes;

public static class ClassEndpoints
{
    public static IEndpointRouteBuilder MapClassEndpoints(this IEndpointRouteBuilder app)
    {
        var classes = app.MapGroup("/api/classes").WithTags("Classes").RequireAuthorization()
            .DescribeParameter("id", "The class's id.")
            .DescribeParameter("studentId", "The student's account id.");
        classes.MapGet("/{id:int}", GetAsync)
            .WithSummary("Get a class")
            .WithDescription("A class the caller teaches or is enrolled in: its educator, its session defaults, its live session, "
                + "its upcoming and its recently cancelled sessions.")
            .ProducesErrors(ClassErrors.NotFound, ClassErrors.NotMember);
        var educators = classes.MapGroup("").RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin))
            .ProducesErrors(ClassErrors.NotFound, ClassErrors.NotOwner);
        educators.MapPut("/{id:int}/session-defaults", UpdateSessionDefaultsAsync)
            .WithSummary("Set a class's session defaults")
            .WithDescription("All four settings every session of the class starts from, unless the session overrides them (its educator or an admin).");
        educators.MapPut("/{id:int}/students/{studentId}", EnrollAsync)
            .WithSummary("Enrol a student")
            .WithDescription("Enrols a student account in the class (idempotent: 204 whether or not they were enrolled). Their open "
                + "connections start hearing the class at once.")
            .ProducesErrors(ClassErrors.StudentNotFound, ClassErrors.NotAStudent);
        educators.MapDelete("/{id:int}/students/{studentId}", UnenrollAsync)
            .WithSummary("Remove a student")
            .WithDescription("Removes a student from the class (idempotent: 204 whether or not they were enrolled). Their open "
                + "connections stop hearing the class at once.");
        return app;
    }

    /// <summary>Enrols a student (idempotent): 204 whether or not they were enrolled already.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> EnrollAsync(
        int id, string studentId, ClaimsPrincipal user, ClassRoster roster, CancellationToken ct)
    {
        var result = await roster.EnrollAsync(SessionActor.From(user), id, studentId, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
    }

    /// <summary>Removes a student (idempotent): 204 whether or not they were enrolled.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> UnenrollAsync(
        int id, string studentId, ClaimsPrincipal user, ClassRoster roster, CancellationToken ct)
    {
        var result = await roster.UnenrollAsync(SessionActor.From(user), id, studentId, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ApiEnvelope<SessionDefaultsDto>>, ProblemHttpResult>> UpdateSessionDefaultsAsync(
        int id, SessionDefaultsBody body, ClaimsPrincipal user, ClassSessionDefaults defaults, TimeProvider time, CancellationToken ct)
    {
        var settings = body.ToSettings();
        if (settings.Error is { } missing)
        {
            return missing.ToProblem();
        }
        var result = await defaults.UpdateAsync(SessionActor.From(user), id, settings.Value!, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.Ok(new ApiEnvelope<SessionDefaultsDto>(true, SessionDefaultsDto.From(result.Value!), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ApiEnvelope<ClassDto>>, ProblemHttpResult>> GetAsync(
        int id, ClaimsPrincipal user, ClassService classes, TimeProvider time, CancellationToken ct)
    {
        var result = await classes.GetOverviewAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.Ok(new ApiEnvelope<ClassDto>(true, ClassDto.From(result.Value!), time.GetUtcNow()));
    }
}

public sealed record ClassDto(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("host")] SessionHostDto Host,
    [property: JsonPropertyName("enrolled_count")] int EnrolledCount,
    [property: JsonPropertyName("session_defaults")] SessionDefaultsDto SessionDefaults,
    [property: JsonPropertyName("live_session")] SessionDto? LiveSession,
    [property: JsonPropertyName("upcoming_sessions")] IReadOnlyList<SessionDto> UpcomingSessions,
    [property: JsonPropertyName("cancelled_sessions")] IReadOnlyList<SessionDto> CancelledSessions)
{
    public static ClassDto From(ClassOverview page) => new(
        page.Class.Id, page.Class.Name, page.Class.Subject,
        new SessionHostDto(page.Class.EducatorId, page.Class.EducatorName), page.Class.EnrolledCount,
        SessionDefaultsDto.From(page.Class.SessionDefaults),
        page.Sessions.Live is null ? null : SessionDto.From(page.Sessions.Live),
        [.. page.Sessions.Upcoming.Select(SessionDto.From)],
        [.. page.Sessions.Cancelled.Select(SessionDto.From)]);
}

/// <summary>A class's session defaults as the API shows them.</summary>
public sealed record SessionDefaultsDto(
    [property: JsonPropertyName("chat_enabled")] bool ChatEnabled,
    [property: JsonPropertyName("max_participants")] int MaxParticipants,
    [property: JsonPropertyName("student_media_enabled")] bool StudentMediaEnabled,
    [property: JsonPropertyName("recording_enabled")] bool RecordingEnabled)
{
    public static SessionDefaultsDto From(SessionSettings s) => new(s.ChatEnabled, s.MaxParticipants, s.StudentMediaEnabled, s.RecordingEnabled);
}

/// <summary>Body of <c>PUT /api/classes/{id}/session-defaults</c>: all four settings.</summary>
public sealed record SessionDefaultsBody(bool? ChatEnabled, int? MaxParticipants, bool? StudentMediaEnabled, bool? RecordingEnabled)
{
    public Result<SessionSettings> ToSettings()
    {
        var errors = new FieldErrors();
        Require(errors, ChatEnabled, "chatEnabled");
        Require(errors, MaxParticipants, "maxParticipants");
        Require(errors, StudentMediaEnabled, "studentMediaEnabled");
        Require(errors, RecordingEnabled, "recordingEnabled");
        return errors.ToError() is { } missing
            ? missing
            : new SessionSettings(ChatEnabled!.Value, MaxParticipants!.Value, StudentMediaEnabled!.Value, RecordingEnabled!.Value);
    }

    private static void Require<T>(FieldErrors errors, T? value, string field) where T : struct
    {
        if (value is null)
        {
            errors.Add(field, $"{field} is required.");
        }
    }
}
