namespace Sessions.Web.Features.Sessions.Series;

/// <summary>
/// "Repeat weekly on these days, until a date or a number of times": a series' rule, on the educator's wall clock.
/// Exactly one of <see cref="Until"/> (the last local date, inclusive) and <see cref="Count"/> is set once read.
/// </summary>
public sealed record WeeklyRecurrence(IReadOnlySet<DayOfWeek> Days, DateOnly? Until, int? Count)
{
    /// <summary>The most sessions one series may hold.</summary>
    public const int MaxOccurrences = 100;
}
