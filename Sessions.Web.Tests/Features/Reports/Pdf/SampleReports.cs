using Sessions.Web.Features.Ratings;
using Sessions.Web.Features.Reports;

namespace Sessions.Web.Tests.Features.Reports.Pdf;

/// <summary>
/// Session reports with known content for the PDF tests and the PDF benchmark (Sessions.Benchmarks links this file):
/// students named in Arabic, Chinese, Japanese and Latin script, some absent, some late, some reconnecting.
/// </summary>
public static class SampleReports
{
    public static readonly DateTime Start = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>The first names, then "Student n" for the rest.</summary>
    public static readonly string[] Names =
    [
        "محمد عبد الله", "王小明", "佐藤花子", "Alice Martin", "فاطمة الزهراء", "Jean-Luc Picard", "李华", "سلمى Smith 2",
        "Ørjan Ødegård", "خالد بن الوليد", "田中太郎", "Zoë Kravitz",
    ];

    public static string NameOf(int index) => index < Names.Length ? Names[index] : $"Student {index + 1}";

    /// <summary>Every 7th student (index 6, 13, ...) is absent; every 5th joins twice (a reconnect); every 4th is late.</summary>
    public static SessionReport Build(int students, int issues = 3, int narrativeParagraphs = 2)
    {
        var lines = Enumerable.Range(0, students).Select(Line).ToList();
        var absent = lines.Where(l => !l.Attended).Select(l => l.DisplayName).ToList();
        return new SessionReport(
            new ReportSession(Guid.Parse("6f1c2a52-8d1e-4a43-9a53-0d3cbb9a1f00"), "Algebra: quadratic equations", 7, "Grade 10 B", "Mathematics", "educator-1", "Dr. Layla Haddad"),
            new ReportTiming(Start, Start.AddMinutes(60), Start.AddMinutes(7), Start.AddMinutes(62), 7, 55),
            new ReportAttendanceTotals(students, students - absent.Count, absent.Count, absent),
            lines,
            [.. lines.Where(l => l.ChatMessages > 0).Select(l => new ParticipantChatCount(l.UserId, l.DisplayName, "student", l.ChatMessages))
                .Prepend(new ParticipantChatCount("educator-1", "Dr. Layla Haddad", "educator", 12))],
            [.. Enumerable.Range(0, issues).Select(i => new ReportIssue(Start.AddMinutes(10 + i % 50), $"student-{i % students}", NameOf(i % students),
                i % 2 == 0 ? $"I can't hear the teacher (issue {i + 1})" : $"لا أستطيع سماع الصوت ({i + 1})"))],
            new ReportNarrative(Narrative(narrativeParagraphs), "1. Revise **completing the square**.\n2. Practise *five* problems from chapter 4.\n- Ask محمد عبد الله to present.\n\nSee [the worksheet](https://example.com/worksheet).", true, Start.AddHours(2), "Dr. Layla Haddad"),
            new RatingAverages(4.25, 4.5, 4, 3.75, null),
            4,
            Start.AddHours(3));
    }

    private static StudentReportLine Line(int index)
    {
        var attended = index % 7 != 6;
        var late = index % 4 == 3 ? 12 : 1;
        var reconnects = index % 5 == 4;
        var joined = Start.AddMinutes(7 + late);
        IReadOnlyList<PresenceInterval> intervals = !attended ? []
            : reconnects ? [new(joined, joined.AddMinutes(20)), new(joined.AddMinutes(24), Start.AddMinutes(62))]
            : [new(joined, Start.AddMinutes(62))];
        var minutes = intervals.Sum(i => (i.LeftUtc - i.JoinedUtc).TotalMinutes);
        return new StudentReportLine($"student-{index}", NameOf(index), $"student{index}@example.com", attended, attended ? joined : null,
            minutes, intervals.Count, attended && late <= 5, attended ? index % 6 : 0, intervals);
    }

    private static string Narrative(int paragraphs) => string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(p =>
        $"## Part {p}\n\nThe class worked through **quadratic equations** by factoring and by the *quadratic formula*; most students " +
        "followed the derivation and solved the warm-up problems without help. The discussion of the discriminant took longer than " +
        $"planned, so the last exercise moved to homework. ناقش الطلاب المعادلات التربيعية وحلّوا {p * 3} مسائل في المجموعة."));
}
