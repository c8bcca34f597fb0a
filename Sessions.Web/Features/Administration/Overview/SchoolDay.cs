namespace Sessions.Web.Features.Administration.Overview;

/// <summary>
/// The school's sessions at <see cref="NowUtc"/>, for the day [<see cref="StartUtc"/>, <see cref="EndUtc"/>) of whoever asked:
/// the three lists <see cref="SchoolOverview"/> answers, and counts of the rest of the day's sessions (booked to start today):
/// those scheduled after the coming hour, and those completed.
/// </summary>
public sealed record SchoolDay(
    DateTime NowUtc,
    DateTime StartUtc,
    DateTime EndUtc,
    OverviewList Live,
    OverviewList StartingSoon,
    OverviewList Missed,
    int LaterToday,
    int DoneToday);

/// <summary>Up to <see cref="SchoolOverview.MaxListed"/> sessions, and how many there are in all.</summary>
public sealed record OverviewList(int Count, IReadOnlyList<OverviewSession> Sessions);
