using Sessions.Web.Features.Ratings;

namespace Sessions.Web.Features.Reports;

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the endpoints serialize them.</summary>
internal static class ReportDocs
{
    private static readonly DateTimeOffset Booked = new(2027, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Started = Booked.AddMinutes(7);
    private static readonly DateTimeOffset Ended = Booked.AddMinutes(62);
    private const string LinaId = "b7f2c1d0-5c1e-4d7a-9f0e-2a6c8e4b1f33";
    private const string EducatorId = "4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    public static readonly SaveReportRequest SaveRequest = new(
        "We worked through **equivalent fractions**; most of the class solved the exit ticket.",
        "- Revise pages 12–14\n- Try the [practice set](https://example.org/fractions)", ShareWithStudents: true);

    public static readonly ReportNarrativeDto Narrative = new(SaveRequest.Summary!, SaveRequest.Recommendations!, true, Ended.AddMinutes(20), "Ms. Amal Nasser");

    public static readonly SessionReportDto Report = new(
        new ReportSessionDto(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), "Fractions, part 2", 12, "Grade 7 Maths", "Mathematics", EducatorId,
            "Ms. Amal Nasser"),
        new ReportTimingDto(Booked, Booked.AddMinutes(60), Started, Ended, 7, 55),
        new ReportAttendanceDto(2, 1, 1, ["Omar Khalil"]),
        [
            new StudentReportLineDto(LinaId, "Lina Haddad", "lina@school.example", true, Started.AddMinutes(2), 48.5, 2, true, 3,
                [new PresenceIntervalDto(Started.AddMinutes(2), Started.AddMinutes(30)), new PresenceIntervalDto(Started.AddMinutes(34.5), Ended)]),
            new StudentReportLineDto("9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "Omar Khalil", "omar@school.example", false, null, 0, 0, false, 0, []),
        ],
        [new ParticipantChatCount(EducatorId, "Ms. Amal Nasser", "educator", 5), new ParticipantChatCount(LinaId, "Lina Haddad", "student", 3)],
        [new ReportIssueDto(Started.AddMinutes(12), LinaId, "Lina Haddad", "I can't hear the teacher.")],
        Narrative,
        new ReportRatingsDto(1, new RatingAverages(4, 5, 4, 3, 4)),
        Ended.AddMinutes(25));
}
