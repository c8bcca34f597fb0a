using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Sessions.Web.Features.Attendance.Components;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Attendance;

public static class AttendanceEndpoints
{
    public static IEndpointRouteBuilder MapAttendanceEndpoints(this IEndpointRouteBuilder app)
    {
        var attendance = app.MapGroup(SessionEndpoints.ApiGroup).WithTags("Attendance")
            .RequireAuthorization(p => p.RequireRole(AppRoles.Educator, AppRoles.Admin))
            .DescribeParameter("id", "The session's id (a GUID).")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotOwner);
        attendance.MapGet("/{id}/attendance", GetAsync)
            .WithSummary("Attendance report")
            .WithDescription("Who of the class attended the session: first join, minutes in the room, and the absentees (its educator, a co-educator of its class, or an admin).");
        attendance.MapGet("/{id}/attendance.csv", CsvAsync).AllowCookieDownload() // the attendance page links to it
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("Attendance report as CSV")
            .WithDescription("The attendance report as a CSV file, one line per student; the header row in the caller's language (Accept-Language or the culture cookie), the data invariant.");
        return app;
    }

    private static async Task<Results<Ok<AttendanceReportDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, AttendanceService attendance, CancellationToken ct)
    {
        var result = await attendance.ReportAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(AttendanceReportDto.From(result.Value!));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(
        Guid id, ClaimsPrincipal user, AttendanceService attendance, IStringLocalizer<AttendanceText> text, CancellationToken ct)
    {
        var result = await attendance.ReportAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : TypedResults.File(CsvText.Utf8WithBom(result.Value!.ToCsv(AttendanceReport.CsvHeaderKeys.Select(key => text[key].Value))), "text/csv; charset=utf-8", $"attendance-{id}.csv");
    }
}

public sealed record AttendanceReportDto(Guid SessionId, string Title, IReadOnlyList<AttendanceLineDto> Students, IReadOnlyList<string> Absentees)
{
    public static AttendanceReportDto From(AttendanceReport report) => new(
        report.Session.Id,
        report.Session.Title,
        [.. report.Students.Select(s => new AttendanceLineDto(s.UserId, s.DisplayName, ApiTime.Utc(s.FirstJoinedUtc), s.MinutesAttended, s.Absent))],
        [.. report.Absentees.Select(s => s.UserId)]);
}

public sealed record AttendanceLineDto(string UserId, string DisplayName, DateTimeOffset? FirstJoinedAt, double MinutesAttended, bool Absent);
