using System.Security.Claims;
using System.Text.Json.Serialization;
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
        return app;
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
    [property: JsonPropertyName("live_session")] SessionDto? LiveSession,
    [property: JsonPropertyName("upcoming_sessions")] IReadOnlyList<SessionDto> UpcomingSessions)
{
    public static ClassDto From(ClassOverview page) => new(
        page.Class.Id, page.Class.Name, page.Class.Subject,
        new SessionHostDto(page.Class.EducatorId, page.Class.EducatorName), page.Class.EnrolledCount,
        page.Live is null ? null : SessionDto.From(page.Live),
        [.. page.Upcoming.Select(SessionDto.From)]);
}
