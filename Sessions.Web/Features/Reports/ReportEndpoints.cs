using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Reports.Pdf;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Reports;

/// <summary>A completed session's report: read it (JSON or CSV), and write the educator's summary and recommendations.</summary>
public static class ReportEndpoints
{
    private static readonly ServiceError[] Readable = [SessionErrors.NotFound, SessionErrors.NotMember, SessionErrors.NotCompleted];

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup(SessionEndpoints.ApiGroup).WithTags("Reports").RequireAuthorization()
            .DescribeParameter("id", "The session's id (a GUID).");
        reports.MapGet("/{id}/report", ReadAsync)
            .WithSummary("Read a session's report")
            .WithDescription("What happened in a completed session, computed from what was stored: the booked window against the actual "
                + "start and end (`startLatenessMinutes`, negative when early; `durationMinutes`), enrolled/attended/absent with the absentees' "
                + "names, per student the stays clipped to the actual start and end, `minutesPresent` (overlapping stays counted once), "
                + $"`joins` (one per stay), `punctual` (first joined within {PresenceFacts.PunctualWithin.TotalMinutes:0} minutes of the actual "
                + "start) and chat messages; messages per participant (educators too, deleted ones not counted), the issues logged, the "
                + "approved ratings' count and averages, and the educator's `narrative` (Markdown). Those who teach the class and admins get "
                + "all of it; an enrolled student gets their own line and chat count, and the narrative only if it is shared (`ratings: null`).")
            .ProducesErrors(Readable)
            .WithExamples(response: ReportDocs.Report);
        reports.MapPut("/{id}/report", SaveAsync)
            .RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin))
            .WithSummary("Write a session's summary and recommendations")
            .WithDescription("Those who teach the class and admins write the report's `summary` and `recommendations` (Markdown; raw HTML "
                + "and links other than http(s) and mailto are removed before storing; each at most "
                + $"{ReportMarkdown.MaxLength} characters once cleaned, tabs stored as spaces, without other control characters such as NUL) and whether the class's students may read them "
                + "(`shareWithStudents`). Each save replaces the previous text and is recorded in the audit trail. Completed sessions only.")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotOwner, SessionErrors.NotCompleted)
            .WithExamples(ReportDocs.SaveRequest, ReportDocs.Narrative);
        reports.MapGet("/{id}/report.csv", CsvAsync).AllowCookieDownload() // the report page links to it
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("A session's report as CSV")
            .WithDescription("The report's per-student rows as a CSV file (student, email, attended, first joined in ISO 8601 UTC, minutes "
                + "present, joins, punctual, chat messages): every student for those who teach the class and admins, the caller's own row "
                + "for a student. The header row in the caller's language (Accept-Language or the culture cookie), the data invariant.")
            .ProducesErrors(Readable);
        reports.MapGet("/{id}/report.pdf", PdfAsync).AllowCookieDownload()
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .WithSummary("A session's report as PDF")
            .WithDescription("The report laid out for printing on A4 (`paper=a4`, the default) or US Letter (`paper=letter`): the facts, the "
                + "attendance timeline, the students table (its header repeated on every page), chat counts, issues, the ratings' averages "
                + "and the educator's text, in the caller's language (Arabic right to left) and times in the caller's time zone. The same "
                + "cut as the JSON: a student's PDF holds their own part.")
            .DescribeParameter("paper", "`a4` (default) or `letter`.")
            .ProducesErrors([.. Readable, ReportErrors.UnknownPaper]);
        return app;
    }

    private static async Task<Results<Ok<SessionReportDto>, ProblemHttpResult>> ReadAsync(
        Guid id, ClaimsPrincipal user, SessionReports reports, CancellationToken ct)
    {
        var result = await reports.ReadAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(SessionReportDto.From(result.Value!));
    }

    private static async Task<Results<Ok<ReportNarrativeDto>, ProblemHttpResult>> SaveAsync(
        Guid id, SaveReportRequest request, ClaimsPrincipal user, SessionReports reports, CancellationToken ct)
    {
        var result = await reports.SaveNarrativeAsync(SessionActor.From(user), id, request, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(ReportNarrativeDto.From(result.Value!));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(
        Guid id, string? paper, ClaimsPrincipal user, SessionReports reports, SessionReportPdf pdf, CancellationToken ct)
    {
        if (PaperOf(paper) is not { } size)
        {
            return ReportErrors.UnknownPaper.ToProblem();
        }
        var result = await reports.ReadAsync(SessionActor.From(user), id, ct);
        if (result.Error is { } error)
        {
            return error.ToProblem();
        }
        // PDFsharp writes synchronously: into memory, then out (a report is under a megabyte).
        using var buffer = new MemoryStream();
        pdf.Render(result.Value!, size, CultureInfo.CurrentCulture, UserTime.For(user).Zone, buffer);
        return TypedResults.File(buffer.ToArray(), "application/pdf", $"report-{id}.pdf");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(
        Guid id, ClaimsPrincipal user, SessionReports reports, IStringLocalizer<ReportCsvText> text, CancellationToken ct)
    {
        var result = await reports.ReadAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.File(CsvText.Utf8WithBom(ReportCsv.Write(result.Value!, ReportCsv.HeaderKeys.Select(key => text[key].Value))),
                "text/csv; charset=utf-8", $"report-{id}.csv");
    }

    /// <summary>The paper a <c>paper</c> query value names (A4 when absent), or null when it names none.</summary>
    private static ReportPaper? PaperOf(string? paper) => paper?.ToLowerInvariant() switch
    {
        null or "a4" => ReportPaper.A4,
        "letter" => ReportPaper.Letter,
        _ => null,
    };
}
