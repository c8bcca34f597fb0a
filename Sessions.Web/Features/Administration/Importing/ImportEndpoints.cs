using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;

namespace Sessions.Web.Features.Administration.Importing;

/// <summary><c>POST /api/admin/imports</c>: a roster file, previewed or applied.</summary>
public static class ImportEndpoints
{
    /// <summary>
    /// The request may be larger than the file limit (<see cref="RosterImport.Limits"/>): a file of garbage is read far enough
    /// to be answered with the row where it stops being a roster, rather than cut off by the server with a bare 413.
    /// </summary>
    public const long MaxRequestBytes = 16 * 1024 * 1024;

    public const string FileField = "file";

    private static readonly ServiceError NotMultipart = new(ErrorCodes.UnsupportedMediaType,
        "The body is not `multipart/form-data`.", StatusCodes.Status415UnsupportedMediaType);

    private static readonly ServiceError RequestTooLarge = new(ErrorCodes.PayloadTooLarge,
        $"The request is larger than {MaxRequestBytes / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge);

    /// <summary>Maps the import onto the administrators' <c>/api/admin</c> group.</summary>
    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost("/imports", ImportAsync)
            // The API's state-changing calls authenticate only a bearer token, never the portal's cookie (CredentialSelection),
            // so another site's form cannot import with a signed-in browser's rights: the form antiforgery token adds nothing
            // here, and the apps and scripts calling the API have none.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .WithSummary("Import a roster (CSV)")
            .WithDescription("A multipart upload whose `file` field is a CSV with the header `email,displayName,role,classCode,timeZone` "
                + "(any order, any case), separated by `,` or `;`, UTF-8 with or without a byte order mark, RFC 4180 quoting; at most "
                + $"{RosterImport.Limits.MaxBytes / (1024 * 1024)} MB and {RosterImport.Limits.MaxRows} rows. `role` is Student or Educator; "
                + "`classCode` is optional: a student is enrolled in that class, an educator becomes its co-educator. Every row is judged "
                + "(email, display name, role, class, IANA time zone, repeated or conflicting rows, an existing account of another role). "
                + "With `dryRun=true` nothing is written and the answer is the preview. Otherwise the import is applied in one transaction, "
                + "or refused with `invalid_rows` if any row has an error. Existing accounts are matched by email and never modified. "
                + "Importing the same file again changes nothing. New accounts come with a set-password link each (valid 72 hours).")
            .DescribeParameter("dryRun", "true to judge the file and write nothing (the preview); false (the default) to apply it.")
            .DescribeParameter(FileField, "The roster CSV.")
            .ProducesErrors(ImportErrors.InvalidCsvSample, ImportErrors.InvalidRowsSample, ImportErrors.FileTooLargeSample, RequestTooLarge,
                NotMultipart)
            .WithExamples(response: ImportDocs.Result);
        return admin;
    }

    private static async Task<Results<Ok<ImportResultDto>, ProblemHttpResult>> ImportAsync(
        IFormFile file, ClaimsPrincipal caller, HttpRequest request, RosterImport import, CancellationToken ct, bool dryRun = false)
    {
        await using var csv = file.OpenReadStream();
        var result = await import.ImportAsync(SessionActor.From(caller).UserId, csv, dryRun, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(ImportResultDto.From(result.Value!, request));
    }
}

/// <summary>The answer to an import: every row as judged, the counts, and (applied only) the new accounts' set-password links.</summary>
public sealed record ImportResultDto(bool DryRun, IReadOnlyList<ImportRow> Rows, ImportSummary Summary, IReadOnlyList<ImportLinkDto> PasswordLinks)
{
    public static ImportResultDto From(ImportOutcome outcome, HttpRequest request) => new(outcome.DryRun, outcome.Rows, outcome.Summary,
        [.. outcome.PasswordLinks.Select(a => new ImportLinkDto(a.Email, a.DisplayName, PasswordLinkDto.From(a.Link, request).Url, ApiTime.Utc(a.Link.ExpiresUtc)))]);
}

/// <summary>A new account's set-password link: the whole URL to hand to its owner, and when it stops working.</summary>
public sealed record ImportLinkDto(string Email, string DisplayName, string Url, DateTimeOffset ExpiresAt);
