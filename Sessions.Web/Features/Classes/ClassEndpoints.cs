using System.Security.Claims;
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
            .DescribeParameter("studentId", "The student's account id.")
            .DescribeParameter("userId", "The co-educator's account id.");
        classes.MapGet("/{id:int}", GetAsync)
            .WithSummary("Get a class")
            .WithDescription("A class the caller teaches (owns or co-teaches) or is enrolled in: its educator, its co-educators "
                + "(`coEducators`), its session defaults, its live session, its upcoming and its recently cancelled sessions.")
            .ProducesErrors(ClassErrors.NotFound, ClassErrors.NotMember);
        app.MapGroup(SessionEndpoints.MyGroup).WithTags("Classes").RequireAuthorization().MapGet("/classes", MineAsync)
            .WithSummary("List the caller's classes")
            .WithDescription("A student's enrolled classes, an educator's own and co-taught classes (an admin's: those they teach, usually none), "
                + "by name, each with its live session and its next scheduled one, a page at a time.")
            .DescribeParameter("page", "The page, from 1.")
            .DescribeParameter("pageSize", "Classes per page, 1 to 100.");
        var educators = classes.MapGroup("").RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin))
            .ProducesErrors(ClassErrors.NotFound, ClassErrors.NotOwner);
        educators.MapPut("/{id:int}/session-defaults", UpdateSessionDefaultsAsync)
            .WithSummary("Set a class's session defaults")
            .WithDescription("All four settings every session of the class starts from, unless the session overrides them (its educator or an admin).");
        educators.MapGet("/{id:int}/students", ListStudentsAsync)
            .WithSummary("List a class's students")
            .WithDescription("The class's roster (its educator or an admin): the enrolled students whose display name or email holds "
                + "`search`, by display name, a page at a time. Each has `active` (false once their account is deactivated) and their "
                + "attendance over the class's completed sessions: `sessionsHeld`, `sessionsAttended` (present in the session's room at "
                + "least once) and `attendanceRate` (attended / held, null while none was held).")
            .DescribeParameter("search", "Text found anywhere in the display name or email, in any case.")
            .DescribeParameter("page", "The page, from 1.")
            .DescribeParameter("pageSize", "Students per page, 1 to 100.")
            .WithExamples(response: RosterDocs.Page);
        educators.MapPost("/{id:int}/students", AddStudentAsync)
            .WithSummary("Add a student to a class")
            .WithDescription("Enrols a student account named by exactly one of `userId` and `email` (else `validation_failed`): 201 "
                + "with their roster row when newly enrolled, 200 when they already were. Their open connections start hearing the "
                + "class at once, and the change is recorded in the audit trail. An archived class takes no new students.")
            .ProducesErrors(ClassErrors.StudentNotFound, ClassErrors.NotAStudent, ClassErrors.ArchivedRoster)
            .WithExamples(RosterDocs.AddByEmail, RosterDocs.Student);
        educators.MapPut("/{id:int}/students/{studentId}", EnrollAsync)
            .WithSummary("Enrol a student")
            .WithDescription("Enrols a student account in the class (idempotent: 204 whether or not they were enrolled). Their open "
                + "connections start hearing the class at once; the change is recorded in the audit trail. An archived class takes "
                + "no new students.")
            .ProducesErrors(ClassErrors.StudentNotFound, ClassErrors.NotAStudent, ClassErrors.ArchivedRoster);
        educators.MapDelete("/{id:int}/students/{studentId}", UnenrollAsync)
            .WithSummary("Remove a student")
            .WithDescription("Removes a student from the class (idempotent: 204 whether or not they were enrolled). Their open "
                + "connections stop hearing the class at once; their past attendance stays. The change is recorded in the audit trail.");
        educators.MapPost("/{id:int}/educators", AddCoEducatorAsync)
            .WithSummary("Add a co-educator")
            .WithDescription("Adds an active educator as a co-educator of the class (its owner or an admin). Co-educators may start, "
                + "end and moderate the class's sessions, read their attendance and hear the class live; booking, editing and "
                + "cancelling sessions stay with the owner and admins. Answers 201 with the class's educators, or 200 if they "
                + "were one already. Not an active educator, or the owner themselves: `validation_failed` on `userId`. Their open "
                + "connections start hearing the class at once (`MembershipChanged`). The change is recorded in the audit trail.")
            .ProducesErrors(ClassErrors.StudentNotFound, ClassErrors.Archived)
            .WithExamples(ClassDocs.AddCoEducator, ClassDocs.Educators);
        educators.MapDelete("/{id:int}/educators/{userId}", RemoveCoEducatorAsync)
            .WithSummary("Remove a co-educator")
            .WithDescription("Removes a co-educator from the class (its owner or an admin; idempotent: 204 whether or not they were "
                + "one). Their open connections stop hearing the class at once. The change is recorded in the audit trail.");
        var admins = classes.MapGroup("").RequireAuthorization(p => p.RequireRole(AppRoles.Admin));
        admins.MapPost("/", CreateAsync)
            .WithSummary("Create a class")
            .WithDescription("Creates a class (admins): a name, a unique code (2 to 16 letters, digits or '-', compared in any case and "
                + "stored upper-case), a subject, and an account with the Educator role to teach it (else `validation_failed` on "
                + "`educatorId`). Answers 201 with the class; the change is recorded in the audit trail.")
            .ProducesErrors(ClassErrors.CodeTaken);
        admins.MapPatch("/{id:int}", UpdateAsync)
            .WithSummary("Edit a class")
            .WithDescription("Changes the name, code, subject or educator of a class (admins); members left out stay as they are. "
                + "The class's sessions keep the educator they were booked by. The change is recorded in the audit trail.")
            .ProducesErrors(ClassErrors.NotFound, ClassErrors.CodeTaken);
        admins.MapPost("/{id:int}/archive", ArchiveAsync)
            .WithSummary("Archive a class")
            .WithDescription("Archives a class (admins; idempotent). It keeps its roster, its sessions and their history, and takes no "
                + "new sessions: booking one answers `class_archived`. Sessions already scheduled in it stay: they can still be "
                + "started, edited or cancelled. The change is recorded in the audit trail.")
            .ProducesErrors(ClassErrors.NotFound);
        return app;
    }

    private static async Task<Results<Created<AdminClassDto>, ProblemHttpResult>> CreateAsync(
        NewClass body, ClaimsPrincipal user, ClassAdministration administration, CancellationToken ct)
    {
        var result = await administration.CreateAsync(SessionActor.From(user).UserId, body, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Created($"/api/classes/{result.Value!.Id}", result.Value);
    }

    private static async Task<Results<Ok<AdminClassDto>, ProblemHttpResult>> UpdateAsync(
        int id, ClassChanges body, ClaimsPrincipal user, ClassAdministration administration, CancellationToken ct)
    {
        var result = await administration.UpdateAsync(SessionActor.From(user).UserId, id, body, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
    }

    private static async Task<Results<Ok<AdminClassDto>, ProblemHttpResult>> ArchiveAsync(
        int id, ClaimsPrincipal user, ClassAdministration administration, CancellationToken ct)
    {
        var result = await administration.ArchiveAsync(SessionActor.From(user).UserId, id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
    }

    /// <summary><c>GET /api/classes/{id}/students</c>: one page of the roster.</summary>
    private static async Task<Results<Ok<ApiPage<RosterStudent>>, ProblemHttpResult>> ListStudentsAsync(
        int id, ClaimsPrincipal user, ClassRoster roster, CancellationToken ct, string? search = null, int page = 1, int pageSize = 20)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Read(errors, page, pageSize);
        if (errors.ToError() is { } invalid)
        {
            return invalid.ToProblem();
        }
        var result = await roster.ListAsync(SessionActor.From(user), id, search, paging, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(ApiPage.Of(result.Value!.Items, paging, result.Value.TotalCount));
    }

    /// <summary><c>POST /api/classes/{id}/students</c>: 201 when newly enrolled, 200 when they already were.</summary>
    private static async Task<Results<Created<RosterStudent>, Ok<RosterStudent>, ProblemHttpResult>> AddStudentAsync(
        int id, NewRosterStudent body, ClaimsPrincipal user, ClassRoster roster, CancellationToken ct)
    {
        var result = await roster.AddAsync(SessionActor.From(user), id, body, ct);
        if (result.Error is { } error)
        {
            return error.ToProblem();
        }
        var (student, enrolled) = result.Value!;
        return enrolled ? TypedResults.Created($"/api/classes/{id}/students", student) : TypedResults.Ok(student);
    }

    /// <summary>201 with the class's educators when added, 200 when they were one already.</summary>
    private static async Task<Results<Created<ClassEducatorsDto>, Ok<ClassEducatorsDto>, ProblemHttpResult>> AddCoEducatorAsync(
        int id, CoEducatorBody body, ClaimsPrincipal user, ClassEducators educators, CancellationToken ct)
    {
        var result = await educators.AddAsync(SessionActor.From(user), id, body.UserId, ct);
        if (result.Error is { } error)
        {
            return error.ToProblem();
        }
        return result.Value!.Changed
            ? TypedResults.Created($"/api/classes/{id}", result.Value.Educators)
            : TypedResults.Ok(result.Value.Educators);
    }

    /// <summary>Removes a co-educator (idempotent): 204 whether or not they were one.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveCoEducatorAsync(
        int id, string userId, ClaimsPrincipal user, ClassEducators educators, CancellationToken ct)
    {
        var result = await educators.RemoveAsync(SessionActor.From(user), id, userId, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
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

    private static async Task<Results<Ok<SessionDefaultsDto>, ProblemHttpResult>> UpdateSessionDefaultsAsync(
        int id, SessionDefaultsBody body, ClaimsPrincipal user, ClassSessionDefaults defaults, CancellationToken ct)
    {
        var settings = body.ToSettings();
        if (settings.Error is { } missing)
        {
            return missing.ToProblem();
        }
        var result = await defaults.UpdateAsync(SessionActor.From(user), id, settings.Value!, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(SessionDefaultsDto.From(result.Value!));
    }

    private static async Task<Results<Ok<ClassDto>, ProblemHttpResult>> GetAsync(
        int id, ClaimsPrincipal user, ClassService classes, CancellationToken ct)
    {
        var result = await classes.GetOverviewAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(ClassDto.From(result.Value!));
    }

    /// <summary><c>GET /api/me/classes</c>: the caller's classes, one page of them.</summary>
    private static async Task<Results<Ok<ApiPage<OwnClassDto>>, ProblemHttpResult>> MineAsync(
        ClaimsPrincipal user, ClassService classes, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Read(errors, page, pageSize);
        if (errors.ToError() is { } invalid)
        {
            return invalid.ToProblem();
        }
        var mine = await classes.GetOwnClassesAsync(SessionActor.From(user), paging, ct);
        return TypedResults.Ok(ApiPage.Of([.. mine.Items.Select(OwnClassDto.From)], paging, mine.TotalCount));
    }
}
