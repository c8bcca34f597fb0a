using Sessions.Web.Features.Ratings;
using Sessions.Web.Features.Reports;

namespace Sessions.Web.Tests.Features.Reports.Components;

/// <summary>
/// A report written by hand, so each figure on screen can be checked against a known one: booked 10:00–11:00 UTC on
/// 1 March 2027, held 10:05–11:05. Amira came twice (10:05–10:35 and 10:50–11:05, 45 minutes, on time), Ben came late
/// once (10:20–11:05, 45 minutes), Chidi stayed away.
/// </summary>
internal static class HandMadeReport
{
    public static readonly DateTime Booked = new(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    public static readonly Guid SessionId = Guid.Parse("6d1f2c3b-0a4e-4b7c-9d8e-1f2a3b4c5d6e");

    public static StudentReportLine Amira { get; } = new("amira", "Amira Haddad", "amira@test.example", true, At(5), 45, 2, true, 3,
        [new(At(5), At(35)), new(At(50), At(65))]);

    public static StudentReportLine Ben { get; } = new("ben", "Ben Carter", "ben@test.example", true, At(20), 45, 1, false, 1, [new(At(20), At(65))]);

    public static StudentReportLine Chidi { get; } = new("chidi", "Chidi Okafor", "chidi@test.example", false, null, 0, 0, false, 0, []);

    public static SessionReport Full(ReportNarrative? narrative = null, RatingAverages? ratings = null, int ratingCount = 0) => new(
        new ReportSession(SessionId, "Fractions", 7, "Year 7 Maths", "Mathematics", "teacher", "Ms. Rivera"),
        new ReportTiming(Booked, At(60), At(5), At(65), 5, 60),
        new ReportAttendanceTotals(3, 2, 1, ["Chidi Okafor"]),
        [Amira, Ben, Chidi],
        [new("teacher", "Ms. Rivera", "educator", 4), new("amira", "Amira Haddad", "student", 3), new("ben", "Ben Carter", "student", 1)],
        [new(At(12), "ben", "Ben Carter", "I can't hear the teacher")],
        narrative ?? Narrative(share: false),
        ratings,
        ratingCount,
        At(70));

    /// <summary>A session nobody came to: everyone absent, no chat, no issues.</summary>
    public static SessionReport NobodyCame() => Full() with
    {
        Totals = new ReportAttendanceTotals(2, 0, 2, ["Amira Haddad", "Chidi Okafor"]),
        Students = [Amira with { Attended = false, FirstJoinedUtc = null, MinutesPresent = 0, Joins = 0, Punctual = false, ChatMessages = 0, Intervals = [] }, Chidi],
        ChatMessages = [new("teacher", "Ms. Rivera", "educator", 2)],
        Issues = [],
    };

    public static ReportNarrative Narrative(bool share) => new(
        "We covered **equivalent fractions**.", "- Practise [halves](https://example.org/halves)\n- Revise <script>x</script>", share,
        At(80), "Ms. Rivera");

    public static DateTime At(int minutesAfterBooked) => Booked.AddMinutes(minutesAfterBooked);
}
