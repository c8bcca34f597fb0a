using Microsoft.AspNetCore.Components;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Overview;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Administration.Components;

/// <summary>One list of the school overview: its heading and count, and a row per session linking to its attendance page.</summary>
public sealed partial class OverviewSection
{
    [Parameter, EditorRequired] public string Heading { get; set; } = "";
    [Parameter, EditorRequired] public string TestId { get; set; } = "";
    [Parameter, EditorRequired] public OverviewList List { get; set; } = default!;

    [Parameter, EditorRequired] public OverviewListKind Kind { get; set; }

    [Parameter, EditorRequired] public UserTime UserTime { get; set; } = default!;
    [Parameter, EditorRequired] public DateTime NowUtc { get; set; }
    [Parameter] public string Empty { get; set; } = "";
    [Parameter] public EventCallback<OverviewSession> OnEnd { get; set; }

    /// <summary>The session's page an admin can open whatever its status: who came, and who is in the room now.</summary>
    private static string AttendancePath(Guid sessionId) => $"/sessions/{sessionId}/attendance";

    /// <summary>The list holds more sessions than it shows.</summary>
    private bool IsCut => List.Count > List.Sessions.Count;

    private string Clock(DateTime utc) => Format.Time(UserTime.ToLocal(utc));

    [Inject] private DisplayFormat Format { get; set; } = default!;

    private string StatusText(OverviewSession session) => Kind switch
    {
        OverviewListKind.Live => T["Section.InRoom",
            (session.ActualStartUtc is { } started ? Clock(started) : "")
                + (session.Status == SessionStatus.EndRequestPending ? T["Section.WrappingUp"] : ""),
            Format.Number(session.ParticipantCount)],
        OverviewListKind.StartingSoon when session.ScheduledStartUtc <= NowUtc => T["Section.Due"],
        OverviewListKind.StartingSoon => T["Section.Scheduled"],
        _ => session.Status == SessionStatus.Cancelled ? T["Section.Missed"] : T["Section.NotStarted"],
    };
}
