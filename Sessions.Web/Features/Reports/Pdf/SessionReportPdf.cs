using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Reports.Pdf;

/// <summary>
/// The session report as a PDF (issue #18), in the reader's culture and time zone, for A4 or Letter: title block, timing,
/// attendance totals, the attendance timeline, the per-student table, chat counts, issues, approved ratings and the
/// educator's summary and recommendations, with "Page n of m" at the foot. In a right-to-left culture the whole layout
/// mirrors. Thread-safe: every call lays out its own document.
/// </summary>
public sealed class SessionReportPdf(ReportFontResolver fonts, DisplayFormat format, IStringLocalizer<ReportPdfText> text)
{
    public const string ContentType = "application/pdf";

    /// <summary>
    /// Writes the PDF to <paramref name="output"/> (left open). Times are shown in <paramref name="zone"/>, texts, dates and
    /// digits in <paramref name="culture"/>. From an endpoint: <c>Render(report, paper, CultureInfo.CurrentCulture,
    /// UserTime.For(user).Zone, stream)</c> with the request's culture, into a buffer or the response body
    /// (PDFsharp writes synchronously: buffer it where synchronous I/O is off).
    /// </summary>
    public void Render(SessionReport report, ReportPaper paper, CultureInfo culture, TimeZoneInfo zone, Stream output)
    {
        // DisplayFormat and the localizer read the current culture; the caller's is put back afterwards.
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            using var document = new PdfDocument();
            document.Info.Title = text["Document.Title", report.Session.Title];
            document.Info.Author = report.Session.EducatorName;
            document.Info.CreationDate = report.GeneratedUtc;
            var direction = culture.TextInfo.IsRightToLeft ? BidiText.Direction.RightToLeft : BidiText.Direction.LeftToRight;
            using var measure = XGraphics.CreateMeasureContext(new XSize(612, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
            using (var canvas = new ReportCanvas(document, paper, new Typesetter(fonts, measure, direction)))
            {
                new Layout(canvas, report, zone, format, text).Draw();
                canvas.Footers((page, pages) => text["Footer.Page", format.Number(page), format.Number(pages)]);
            }
            document.Save(output, closeStream: false);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    /// <summary>The sections in order, on one canvas.</summary>
    private sealed class Layout(ReportCanvas canvas, SessionReport report, TimeZoneInfo zone, DisplayFormat format, IStringLocalizer<ReportPdfText> text)
    {
        private DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        private string Time(DateTime utc) => format.Time(Local(utc));
        private string Minutes(double minutes) => text["Minutes", format.Number(minutes, "0")];

        public void Draw()
        {
            TitleBlock();
            Timing();
            Totals();
            canvas.Heading(text["Timeline.Heading"]);
            canvas.Line(text["Timeline.Legend"], TextStyle.Small);
            new AttendanceTimelineChart(canvas, Time).Draw(report);
            Students();
            Chat();
            Issues();
            Ratings();
            Narrative(text["Summary.Heading"], report.Narrative.Summary);
            Narrative(text["Recommendations.Heading"], report.Narrative.Recommendations);
        }

        private void TitleBlock()
        {
            var session = report.Session;
            var timing = report.Timing;
            canvas.Paragraph([new StyledText(session.Title, TextStyle.Title)]);
            canvas.Line(text["Title.Class", session.ClassName, session.ClassSubject], TextStyle.Body);
            canvas.Line(text["Title.Educator", session.EducatorName], TextStyle.Body);
            canvas.Line(text["Title.When", format.Day(Local(timing.ScheduledStartUtc)), Time(timing.ScheduledStartUtc), Time(timing.ScheduledEndUtc)], TextStyle.Body);
        }

        private void Timing()
        {
            var timing = report.Timing;
            var lateness = Math.Round(timing.StartLatenessMinutes);
            canvas.Heading(text["Timing.Heading"]);
            Facts(
                (text["Timing.Scheduled"], $"{Time(timing.ScheduledStartUtc)}–{Time(timing.ScheduledEndUtc)}"),
                (text["Timing.Actual"], $"{Time(timing.ActualStartUtc)}–{Time(timing.ActualEndUtc)}"),
                (text["Timing.Lateness"], lateness switch
                {
                    > 0 => text["Timing.Late", format.Number(lateness)],
                    < 0 => text["Timing.Early", format.Number(-lateness)],
                    _ => text["Timing.OnTime"],
                }),
                (text["Timing.Duration"], Minutes(timing.DurationMinutes)));
        }

        private void Totals()
        {
            var totals = report.Totals;
            canvas.Heading(text["Totals.Heading"]);
            Facts(
                (text["Totals.Enrolled"], format.Number(totals.Enrolled)),
                (text["Totals.Attended"], format.Number(totals.Attended)),
                (text["Totals.Absent"], format.Number(totals.Absent)));
            canvas.Paragraph([new StyledText(totals.AbsentNames.Count == 0
                ? text["Totals.NobodyAbsent"]
                : text["Totals.AbsentNames", BidiText.List(totals.AbsentNames, text["Totals.Separator"], canvas.Text.Paragraph)], TextStyle.Body)]);
        }

        /// <summary>Label and value pairs side by side, as many as fit on a line.</summary>
        private void Facts(params (string Label, string Value)[] facts)
        {
            const double cell = 128;
            var perLine = Math.Max(1, (int)(canvas.Width / cell));
            foreach (var line in facts.Chunk(perLine))
            {
                canvas.Reserve(2 * TextStyle.Body.LineHeight);
                for (var i = 0; i < line.Length; i++)
                {
                    canvas.Draw(canvas.Text.Fit(line[i].Label, TextStyle.Small, cell - 8), i * cell, cell - 8, canvas.Y + TextStyle.Small.Size);
                    canvas.Draw(canvas.Text.Fit(line[i].Value, TextStyle.Heading, cell - 8), i * cell, cell - 8, canvas.Y + TextStyle.Small.LineHeight + TextStyle.Heading.Size);
                }
                canvas.Y += TextStyle.Small.LineHeight + TextStyle.Heading.LineHeight + 2;
            }
        }

        private void Students()
        {
            canvas.Heading(text["Students.Heading"]);
            var table = new ReportTable(canvas, [
                new(text["Students.Name"]),
                new(text["Students.Minutes"], 62, Numeric: true),
                new(text["Students.Joins"], 62, Numeric: true),
                new(text["Students.Punctual"], 62),
                new(text["Students.Chat"], 62, Numeric: true)]);
            foreach (var student in report.Students)
            {
                table.Row(
                    student.DisplayName,
                    student.Attended ? format.Number(student.MinutesPresent, "0") : text["Absent"],
                    format.Number(student.Joins),
                    student.Attended ? text[student.Punctual ? "Yes" : "No"] : "–",
                    format.Number(student.ChatMessages));
            }
        }

        private void Chat()
        {
            canvas.Heading(text["Chat.Heading"]);
            if (report.ChatMessages.Count == 0)
            {
                canvas.Line(text["Chat.None"], TextStyle.Body);
                return;
            }
            var table = new ReportTable(canvas, [new(text["Chat.Name"]), new(text["Chat.Role"], 110), new(text["Chat.Messages"], 80, Numeric: true)]);
            foreach (var participant in report.ChatMessages)
            {
                var role = text[$"Role.{participant.Role.ToLowerInvariant()}"];
                table.Row(participant.DisplayName, role.ResourceNotFound ? participant.Role : role, format.Number(participant.Messages));
            }
        }

        private void Issues()
        {
            canvas.Heading(text["Issues.Heading"]);
            if (report.Issues.Count == 0)
            {
                canvas.Line(text["Issues.None"], TextStyle.Body);
                return;
            }
            var table = new ReportTable(canvas, [new(text["Issues.At"], 60), new(text["Issues.By"], 0.35), new(text["Issues.Text"], 0.65)]);
            foreach (var issue in report.Issues)
            {
                table.Row(Time(issue.AtUtc), issue.ActorName, issue.Text);
            }
        }

        private void Ratings()
        {
            if (report.Ratings is not { } ratings)
            {
                return;
            }
            string Score(double? value) => value is { } score ? text["Ratings.Score", format.Number(score, "0.0"), format.Number(5)] : text["Ratings.NoScore"];
            canvas.Heading(text["Ratings.Heading"]);
            canvas.Line(text["Ratings.Count", format.Number(report.RatingCount)], TextStyle.Body);
            Facts(
                (text["Ratings.Overall"], Score(ratings.Overall)),
                (text["Ratings.ContentClarity"], Score(ratings.ContentClarity)),
                (text["Ratings.Engagement"], Score(ratings.Engagement)),
                (text["Ratings.AudioVideoQuality"], Score(ratings.AudioVideoQuality)),
                (text["Ratings.Pace"], Score(ratings.Pace)));
        }

        private void Narrative(string heading, string markdown)
        {
            canvas.Heading(heading);
            if (string.IsNullOrWhiteSpace(markdown))
            {
                canvas.Line(text["Narrative.Empty"], TextStyle.Small);
                return;
            }
            ReportMarkdownLayout.Draw(canvas, markdown);
        }
    }
}
