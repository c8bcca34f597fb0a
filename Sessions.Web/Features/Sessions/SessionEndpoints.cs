using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

public static class SessionEndpoints
{
    public const string MobileGroup = "/sessions";
    public const string ApiGroup = "/api/sessions";

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var mobile = app.MapGroup(MobileGroup).WithTags("Mobile").RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin));
        mobile.MapPost("/start", StartForMobileAsync).AddEndpointFilter<ApiVersionFilter>().WithName("MobileStartSession");

        var sessions = app.MapGroup(ApiGroup).WithTags("Sessions").RequireAuthorization();
        sessions.MapGet("/", ListAsync);
        sessions.MapGet("/{id}", GetAsync);
        sessions.MapPost("/{id}/start", StartAsync).RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin));
        sessions.MapPost("/{id}/end", EndAsync).RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin));
        return app;
    }

    private static async Task<Results<Ok<MobileStartResponse>, ProblemHttpResult>> StartForMobileAsync(
        MobileStartRequest request, ClaimsPrincipal user, SessionService sessions, CancellationToken ct)
    {
        var actor = SessionActor.From(user);
        if (!actor.CanActFor(request.EducatorId!))
        {
            return SessionErrors.NotOwner.ToProblem();
        }
        var result = await sessions.StartAsync(actor, request.SessionId!.Value, ct, request.EducatorId);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(MobileStartResponse.From(result.Value!));
    }

    private static async Task<Results<Ok<ApiEnvelope<StartedSessionDto>>, ProblemHttpResult>> StartAsync(
        Guid id, ClaimsPrincipal user, SessionService sessions, TimeProvider time, CancellationToken ct)
    {
        var result = await sessions.StartAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.Ok(new ApiEnvelope<StartedSessionDto>(true, StartedSessionDto.From(result.Value!), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ApiEnvelope<SessionDto>>, ProblemHttpResult>> EndAsync(
        Guid id, ClaimsPrincipal user, SessionService sessions, TimeProvider time, CancellationToken ct)
    {
        var result = await sessions.EndAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.Ok(new ApiEnvelope<SessionDto>(true, SessionDto.From(result.Value!.Session), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ApiEnvelope<SessionDto>>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, SessionQueries queries, TimeProvider time, CancellationToken ct)
    {
        var result = await queries.GetAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.Ok(new ApiEnvelope<SessionDto>(true, SessionDto.From(result.Value!), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ApiEnvelope<IReadOnlyList<SessionDto>>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, SessionQueries queries, TimeProvider time, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        if (page < 1)
        {
            return ServiceError.Validation(nameof(page), "page must be 1 or more.").ToProblem();
        }
        if (pageSize is < 1 or > SessionQueries.MaxPageSize)
        {
            return ServiceError.Validation(nameof(pageSize), $"pageSize must be between 1 and {SessionQueries.MaxPageSize}.").ToProblem();
        }
        var sessions = await queries.ListAsync(SessionActor.From(user), page, pageSize, ct);
        return TypedResults.Ok(new ApiEnvelope<IReadOnlyList<SessionDto>>(true, [.. sessions.Select(SessionDto.From)], time.GetUtcNow()));
    }
}
