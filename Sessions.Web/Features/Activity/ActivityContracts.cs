using System.Text.Json;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Activity;

/// <param name="Kind"><c>note</c> (those who teach the class) or <c>issue</c> (anyone in the class).</param>
public sealed record WriteActivityRequest(string? Kind, string? Text);

/// <summary>What the room reports of the caller's own devices; at least one of the two.</summary>
public sealed record MediaReportRequest(bool? Camera, bool? Microphone);

/// <summary>
/// One entry as the API, the hub and the timeline show it. Exactly one of <see cref="Actor"/> and <see cref="System"/>
/// says who: a person (<c>system: false</c>), or the portal itself (<c>actor: null, system: true</c>: the lifecycle worker).
/// </summary>
/// <param name="Details">The kind's record (camelCase), or null for a kind that carries none. Not <c>data</c>: the API's
/// dialect keeps that name out of a body's root, where it would read as an envelope.</param>
public sealed record ActivityEntryDto(long Id, DateTimeOffset At, string Kind, ActivityActorDto? Actor, bool System, JsonElement? Details);

/// <param name="Role"><c>educator</c> (teaches the class), <c>admin</c> or <c>student</c>, as the class is now.</param>
public sealed record ActivityActorDto(string Id, string DisplayName, string Role);

/// <summary>Entries in order (oldest first); <see cref="NextAfter"/> asks for the next page (null: none yet).</summary>
public sealed record ActivityPageDto(IReadOnlyList<ActivityEntryDto> Items, long? NextAfter);

public static class ActivityRoles
{
    public const string Educator = "educator";
    public const string Admin = "admin";
    public const string Student = "student";
}

public static class ActivityUrls
{
    public static string Logs(Guid sessionId) => $"{SessionEndpoints.ApiGroup}/{sessionId}/logs";

    public static string Media(Guid sessionId) => $"{Logs(sessionId)}/media";
}
