using System.Text;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// After the session, in real Chromium (issue 18): a session runs with two students, one of whom leaves and comes back;
/// the educator ends it, reads the report, writes recommendations and downloads the CSV and the PDF; a student who came
/// rates it on the class page, where the invitation appeared live, the admin approves the rating, and the educator sees
/// its averages on the dashboard and the report. Mr. Okafor's Chemistry class has no students in the seed: the two it
/// gets here are the only ones enrolled.
/// </summary>
[Collection(ReportAppGroup.Name)]
public sealed class SessionReportJourneyTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string StudentLanding = "/student";
    private const string AdminLanding = "/admin";
    private const string Educator = "Mr. Okafor";
    private const string Title = "The periodic table";
    private const string Student1 = "Student 1";
    private const string Student2 = "Student 2";
    private const string Recommendations = "Practise **balancing equations** before Friday's quiz.";

    /// <summary>Student 2's scores: the averages of one approved rating are these, to one decimal.</summary>
    private static readonly IReadOnlyList<(string Criterion, int Score)> Scores =
        [("overall", 4), ("contentClarity", 5), ("engagement", 4), ("audioVideoQuality", 3), ("pace", 4)];

    [Fact]
    public async Task A_session_with_a_returning_student_is_reported_downloaded_rated_approved_and_averaged()
    {
        var session = await Seed.SessionAsync(SeededData.Teacher2, Title);
        await Seed.EnrolAsync(SeededData.Teacher2, session.ClassId, SeededData.Student(1));
        await Seed.EnrolAsync(SeededData.Teacher2, session.ClassId, SeededData.Student(2));
        await Seed.StartAsync(SeededData.Teacher2, session.Id);

        // The educator and both students in the room (no video here: entering it is what records attendance).
        var educatorTab = await SignInAsync(SeededData.Teacher2, EducatorSessionsPage.Path);
        var educatorRoom = new VideoRoomPage(educatorTab);
        await educatorRoom.GotoAsync(session.Id);
        await educatorRoom.WaitUntilInRoomAsync(Educator);
        var (student1Tab, student1Room) = await EnterRoomAsync(1, session.Id);
        var (student2Tab, student2Room) = await EnterRoomAsync(2, session.Id);
        await Expect(educatorRoom.Participant(Student1)).ToBeVisibleAsync();
        await Expect(educatorRoom.Participant(Student2)).ToBeVisibleAsync();

        // Student 2 also has the class page open in a second tab, where the invitation to rate will appear.
        var student2ClassTab = await student2Tab.Context.NewPageAsync();
        await new ClassPage(student2ClassTab).GotoAsync(session.ClassId);

        // Student 1 leaves (Leave goes back to the class page) and comes back through its join card: two stays.
        await student1Room.Leave.ClickAsync();
        await student1Tab.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/classes/{session.ClassId}");
        await Expect(educatorRoom.Participant(Student1)).ToHaveCountAsync(0);
        var student1Class = new ClassPage(student1Tab);
        await student1Class.JoinButton(session.Id).ClickAsync();
        await student1Room.WaitUntilInRoomAsync(Student1);
        await Expect(educatorRoom.Participant(Student1)).ToBeVisibleAsync();

        // The educator ends the session from the room; it closes for everyone.
        await educatorRoom.OpenEndDialogAsync();
        await educatorRoom.ConfirmEnd.ClickAsync();
        await Expect(educatorRoom.Ended).ToBeVisibleAsync();
        await Expect(student1Room.Ended).ToBeVisibleAsync();
        await Expect(student2Room.Ended).ToBeVisibleAsync();

        // The report's facts: both came, student 1 twice (two joins, two bars on the timeline).
        var report = new ReportPage(educatorTab);
        Assert.Equal(200, await report.GotoAsync(session.Id));
        await Expect(report.Totals).ToContainTextAsync("2 of 2 students attended · 0 absent");
        await Expect(report.Joins(Student1)).ToHaveTextAsync("2");
        await Expect(report.Joins(Student2)).ToHaveTextAsync("1");
        await Expect(await report.TimelineBarsAsync(Student1)).ToHaveCountAsync(2);
        await Expect(await report.TimelineBarsAsync(Student2)).ToHaveCountAsync(1);
        await Screenshot(educatorTab, "educator-report");
        await AxeAsync(educatorTab, "report");

        // Recommendations in Markdown, previewed as the report shows them, saved, and there again after a reload.
        await report.RecommendationsInput.FillAsync(Recommendations);
        await Expect(report.Unsaved).ToBeVisibleAsync();
        await report.PreviewToggle.CheckAsync();
        await Expect(report.RecommendationsPreview.Locator("strong")).ToHaveTextAsync("balancing equations");
        await Screenshot(educatorTab, "educator-report-preview");
        await AxeAsync(educatorTab, "report-editor-preview");
        await report.PreviewToggle.UncheckAsync();
        await report.Save.ClickAsync();
        await Expect(report.Saved).ToContainTextAsync($"by {Educator}");
        await Expect(report.Unsaved).ToHaveCountAsync(0);
        await report.GotoAsync(session.Id);
        await Expect(report.RecommendationsInput).ToHaveValueAsync(Recommendations);

        // Student 1 reads their own part: their line alone, and not the recommendations, which are not shared.
        var studentReport = new ReportPage(student1Tab);
        Assert.Equal(200, await studentReport.GotoAsync(session.Id));
        await Expect(studentReport.Joins(Student1)).ToHaveTextAsync("2");
        await Expect(studentReport.StudentRow(Student2)).ToHaveCountAsync(0);
        await Expect(studentReport.View).Not.ToContainTextAsync("balancing equations");
        await AxeAsync(student1Tab, "report-student");

        // The downloads: the CSV names both students; the PDF is a PDF.
        var csv = Encoding.UTF8.GetString(await report.DownloadAsync(report.Csv));
        Assert.Contains(Student1, csv, StringComparison.Ordinal);
        Assert.Contains(Student2, csv, StringComparison.Ordinal);
        var pdf = await report.DownloadAsync(report.PdfA4);
        Assert.Equal("%PDF"u8.ToArray(), pdf.Take(4).ToArray());

        // Student 2's class page asked to rate the session when it ended, with no reload; the rating waits for review.
        var rating = new RatingPrompt(student2ClassTab, session.Id);
        await rating.RateAsync(Scores, "Clear explanations; the pace was right.");
        await Expect(rating.Pending).ToContainTextAsync("waiting for review");
        await Screenshot(student2ClassTab, "student-rating-pending");

        // A rating waiting for review counts for nothing yet.
        var dashboard = new EducatorSessionsPage(educatorTab);
        await dashboard.GotoAsync();
        await Expect(dashboard.RatingSummary).ToContainTextAsync("No approved ratings yet.");

        // The admin approves it.
        var adminTab = await SignInAsync(SeededData.Admin, AdminLanding);
        var moderation = new AdminRatingsPage(adminTab);
        await moderation.GotoAsync();
        await moderation.Approve(Title, Student2).ClickAsync();
        await Expect(adminTab.GetByText("The rating is approved")).ToBeVisibleAsync();
        await Expect(moderation.Row(Title, Student2)).ToHaveCountAsync(0);

        // The educator sees its averages on the dashboard and on the report.
        await dashboard.GotoAsync();
        await Expect(dashboard.RatingSummary).ToContainTextAsync("Overall 4.0 of 5");
        await report.GotoAsync(session.Id);
        await Expect(report.Ratings).ToContainTextAsync("Averages of 1 approved rating");
        await Expect(report.RatingAverage("Overall")).ToContainTextAsync("4.0 of 5");
        await Expect(report.RatingAverage("Clarity of content")).ToContainTextAsync("5.0 of 5");
        await Expect(report.RatingAverage("Audio and video quality")).ToContainTextAsync("3.0 of 5");
        await Screenshot(educatorTab, "educator-report-rated");

        // The same report in Arabic, right to left.
        var arabicTab = await SignInAsync(SeededData.Teacher2, SeededData.Password, EducatorSessionsPage.Path, "ar");
        var arabicReport = new ReportPage(arabicTab);
        await arabicReport.GotoAsync(session.Id);
        await Expect(arabicTab.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(arabicReport.Ratings).ToContainTextAsync("التقييمات");
        await Screenshot(arabicTab, "educator-report-arabic");
        await AxeAsync(arabicTab, "report-ar");
    }

    private async Task<(IPage Tab, VideoRoomPage Room)> EnterRoomAsync(int student, Guid sessionId)
    {
        var tab = await SignInAsync(SeededData.Student(student), StudentLanding);
        var room = new VideoRoomPage(tab);
        await room.GotoAsync(sessionId);
        await room.WaitUntilInRoomAsync($"Student {student}");
        return (tab, room);
    }
}
