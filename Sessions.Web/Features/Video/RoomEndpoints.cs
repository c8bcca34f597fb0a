using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;
using Sessions.Web.Infrastructure.RateLimiting;

namespace Sessions.Web.Features.Video;

public static class RoomEndpoints
{
    public static IEndpointRouteBuilder MapRoomEndpoints(this IEndpointRouteBuilder app)
    {
        var room = app.MapGroup(SessionEndpoints.ApiGroup).WithTags("Video room").RequireAuthorization()
            .DescribeParameter("id", "The session's id (a GUID).");
        room.MapPost("/{id}/join", JoinAsync).RequireRateLimiting(RateLimitPolicies.RoomEntry)
            .WithSummary("Join a live session's room")
            .WithDescription("Enters the room of a live session of the caller's class and answers the Agora tokens. Students get "
                + "subscriber-only tokens when student media is off; a full room refuses the next student, never those who teach the class (its educator, co-educators, admins: the hosts).")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotMember, RoomErrors.NotLive, RoomDocs.Full)
            .WithExamples(response: RoomDocs.Join);
        room.MapPost("/{id}/token", RenewAsync).RequireRateLimiting(RateLimitPolicies.TokenRenewal)
            .WithSummary("Renew the room's tokens")
            .WithDescription("New Agora tokens for a participant already in the room, before the old ones expire (`expiresAt`).")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotMember, RoomErrors.NotLive)
            .WithExamples(response: RoomDocs.Join);
        room.MapPost("/{id}/leave", LeaveAsync).RequireRateLimiting(RateLimitPolicies.RoomEntry)
            .WithSummary("Leave the room")
            .WithDescription("Closes the caller's stay in the room (attendance). Leaving a room one is not in changes nothing: 204 all the same.");
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
