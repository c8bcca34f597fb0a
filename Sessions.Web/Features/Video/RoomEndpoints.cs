using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.RateLimiting;

namespace Sessions.Web.Features.Video;

public static class RoomEndpoints
{
    public static IEndpointRouteBuilder MapRoomEndpoints(this IEndpointRouteBuilder app)
    {
        var room = app.MapGroup(SessionEndpoints.ApiGroup).WithTags("Video room").RequireAuthorization();
        room.MapPost("/{id}/join", JoinAsync).RequireRateLimiting(RateLimitPolicies.RoomEntry);
        room.MapPost("/{id}/token", RenewAsync).RequireRateLimiting(RateLimitPolicies.TokenRenewal);
        room.MapPost("/{id}/leave", LeaveAsync).RequireRateLimiting(RateLimitPolicies.RoomEntry);
        return app;
    }

    private static async Task<Results<Ok<RoomJoinResponse>, ProblemHttpResult>> JoinAsync(
        Guid id, ClaimsPrincipal user, RoomService rooms, CancellationToken ct)
    {
        var result = await rooms.JoinAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(RoomJoinResponse.From(result.Value!.Tokens));
    }

    private static async Task<Results<Ok<RoomJoinResponse>, ProblemHttpResult>> RenewAsync(
        Guid id, ClaimsPrincipal user, RoomService rooms, CancellationToken ct)
    {
        var result = await rooms.RenewTokensAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(RoomJoinResponse.From(result.Value!));
    }

    private static async Task<NoContent> LeaveAsync(Guid id, ClaimsPrincipal user, RoomService rooms, CancellationToken ct)
    {
        await rooms.LeaveAsync(SessionActor.From(user), id, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>What a participant needs to enter the Agora channel (join and token renewal alike).</summary>
public sealed record RoomJoinResponse(
    string AppId, string Channel, uint RtcUid, string RtcToken, string RtmToken, DateTimeOffset ExpiresAt, string Role)
{
    public static RoomJoinResponse From(RoomTokens tokens) => new(
        tokens.AppId, tokens.ChannelName, tokens.RtcUid, tokens.RtcToken, tokens.RtmToken, ApiTime.Utc(tokens.ExpiresAtUtc),
        WireNames.Of(tokens.Role));
}
