using Sessions.Web.Features.Sessions.Series;

namespace Sessions.Web.Features.Sessions;

/// <summary>A session to book, or with <see cref="Recurrence"/> the first of a weekly series.</summary>
public sealed record NewBooking(NewSession Session, WeeklyRecurrence? Recurrence);
