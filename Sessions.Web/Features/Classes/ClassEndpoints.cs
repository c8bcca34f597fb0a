using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

public static class ClassEndpoints
{
    public static IEndpointRouteBuilder MapClassEndpoints(this IEndpointRouteBuilder app)
    {
        var classes = app.MapGroup("/api/classes").WithTags("Classes").RequireAuthorization();
        classes.MapGet("/{id:int}", GetAsync);
        app.MapGroup(SessionEndpoints.MyGroup).WithTags("Classes").RequireAuthorization().MapGet("/classes", MineAsync);
        var educators = classes.MapGroup("").RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin));
        educators.MapPut("/{id:int}/session-defaults", UpdateSessionDefaultsAsync);
        educators.MapPut("/{id:int}/students/{studentId}", EnrollAsync);
        educators.MapDelete("/{id:int}/students/{studentId}", UnenrollAsync);
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
