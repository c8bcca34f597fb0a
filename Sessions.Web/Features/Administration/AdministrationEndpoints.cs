using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Administration.Overview;
using Sessions.Web.Features.Administration.Importing;
using Sessions.Web.Features.Classes;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;

namespace Sessions.Web.Features.Administration;

/// <summary><c>/api/admin</c>: accounts, classes, the audit trail and the school overview, for administrators only.</summary>
public static class AdministrationEndpoints
{
    public const string GetUserRoute = "GetAdminUser";

    public static IEndpointRouteBuilder MapAdministrationEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(p => p.RequireRole(AppRoles.Admin))
            .DescribeParameter("id", "The account's id.")
            .DescribeParameter("page", "The page, from 1.")
            .DescribeParameter("pageSize", $"Rows per page, 1 to {PageRequest.MaxPageSize}.");
        admin.MapGet("/users", ListAsync)
            .WithSummary("List accounts")
            .WithDescription("Every account, by display name, a page at a time; optionally only those whose email or name contains `search`, "
                + "with a `role`, or with a `status` (active or deactivated).")
            .DescribeParameter("search", "Text found in the email or the display name, in any case.")
            .DescribeParameter("role", "Only accounts with this role: Admin, Educator or Student.")
            .DescribeParameter("status", "Only active or only deactivated accounts.")
            .WithExamples(response: AdministrationDocs.User);
        admin.MapGet("/users/{id}", GetAsync).WithName(GetUserRoute)
            .WithSummary("Get an account")
            .WithDescription("One account: email, display name, roles, IANA time zone and status.")
            .ProducesErrors(AdministrationErrors.UserNotFound)
            .WithExamples(response: AdministrationDocs.User);
        admin.MapPost("/users", CreateAsync)
            .WithSummary("Create an account")
            .WithDescription("Creates an account without a password and answers 201 with it and a set-password link (valid 72 hours, "
                + "single use) to hand to its owner; no email is sent.")
            .ProducesErrors(AdministrationErrors.EmailTaken)
            .WithExamples(AdministrationDocs.CreateRequest, AdministrationDocs.Created);
        admin.MapPatch("/users/{id}", UpdateAsync)
            .WithSummary("Edit an account")
            .WithDescription("Changes the email, display name, roles or time zone; members left out stay as they are. A new email or new "
                + "roles end the account's current sign-ins. The last active administrator keeps the Admin role.")
            .ProducesErrors(AdministrationErrors.UserNotFound, AdministrationErrors.EmailTaken, AdministrationErrors.LastAdmin)
            .WithExamples(AdministrationDocs.UpdateRequest, AdministrationDocs.User);
        admin.MapPost("/users/{id}/deactivate", DeactivateAsync)
            .WithSummary("Deactivate an account")
            .WithDescription("The account can no longer sign in: its refresh tokens are revoked, and its bearer tokens, cookies, hub "
                + "connections and open pages stop within `Auth:RevalidateWithinSeconds`. Its history stays. Idempotent.")
            .ProducesErrors(AdministrationErrors.UserNotFound, AdministrationErrors.CannotDeactivateSelf, AdministrationErrors.LastAdmin)
            .WithExamples(response: AdministrationDocs.User);
        admin.MapPost("/users/{id}/reactivate", ReactivateAsync)
            .WithSummary("Reactivate an account")
            .WithDescription("The account may sign in again. Idempotent.")
            .ProducesErrors(AdministrationErrors.UserNotFound)
            .WithExamples(response: AdministrationDocs.User);
        admin.MapPost("/users/{id}/password-link", PasswordLinkAsync)
            .WithSummary("Issue a set-password link")
            .WithDescription("A new set-password link (valid 72 hours, single use) for the account's owner, for a first password or a reset. "
                + "The current password keeps working until the link is used.")
            .ProducesErrors(AdministrationErrors.UserNotFound)
            .WithExamples(response: AdministrationDocs.Link);
        admin.MapGet("/classes", ListClassesAsync)
            .WithSummary("List classes")
            .WithDescription("Every class, by name, a page at a time, with its educator and how many students are enrolled; "
                + "optionally only those whose name or code contains `search`. Archived classes are left out unless `includeArchived` is true.")
            .DescribeParameter("search", "Text found in the class's name or code, in any case.")
            .DescribeParameter("includeArchived", "Whether archived classes are listed too (default false).")
            .WithExamples(response: AdministrationDocs.ClassRow);
        admin.MapGet("/audit", AuditAsync)
            .WithSummary("Read the audit trail")
            .WithDescription("Every administrative action, newest first: who, what, on which account (its id) or class (its number), when, and the account or class before and after.")
            .WithExamples(response: AdministrationDocs.Entry);
        admin.MapOverviewEndpoints();
        admin.MapImportEndpoints();
        return app;
    }

    private static async Task<Results<Ok<ApiPage<AdminClassRow>>, ProblemHttpResult>> ListClassesAsync(
        ClassAdministration classes, CancellationToken ct, string? search = null, bool includeArchived = false, int page = 1, int pageSize = 20)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Read(errors, page, pageSize);
        if (errors.ToError() is { } invalid)
        {
            return invalid.ToProblem();
        }
        var found = await classes.ListAsync(new ClassFilter(search, includeArchived), paging, ct);
        return TypedResults.Ok(ApiPage.Of(found.Items, paging, found.TotalCount));
    }

    private static async Task<Results<Ok<ApiPage<AdminUser>>, ProblemHttpResult>> ListAsync(
        UserAdministration administration, CancellationToken ct,
        string? search = null, string? role = null, string? status = null, int page = 1, int pageSize = 20)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Read(errors, page, pageSize);
        if (role is not null && !AppRoles.All.Contains(role, StringComparer.Ordinal))
        {
            errors.Add("role", $"role must be one of {string.Join(", ", AppRoles.All)}.");
        }
        if (status is not null && !UserStatus.All.Contains(status, StringComparer.Ordinal))
        {
            errors.Add("status", $"status must be one of {string.Join(", ", UserStatus.All)}.");
        }
        if (errors.ToError() is { } invalid)
        {
            return invalid.ToProblem();
        }
        var found = await administration.ListAsync(new UserFilter(search, role, status), paging, ct);
        return TypedResults.Ok(ApiPage.Of(found.Items, paging, found.TotalCount));
    }

    private static async Task<Results<Ok<AdminUser>, ProblemHttpResult>> GetAsync(string id, UserAdministration administration, CancellationToken ct)
    {
        var result = await administration.GetAsync(id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
    }

    private static async Task<Results<CreatedAtRoute<CreatedUserDto>, ProblemHttpResult>> CreateAsync(
        NewUser body, ClaimsPrincipal caller, HttpRequest request, UserAdministration administration, CancellationToken ct)
    {
        var result = await administration.CreateAsync(SessionActor.From(caller).UserId, body, ct);
        if (result.Error is { } error)
        {
            return error.ToProblem();
        }
        var created = result.Value!;
        return TypedResults.CreatedAtRoute(new CreatedUserDto(created.User, PasswordLinkDto.From(created.Link, request)), GetUserRoute,
            new { id = created.User.Id });
    }

    private static async Task<Results<Ok<AdminUser>, ProblemHttpResult>> UpdateAsync(
        string id, UserChanges body, ClaimsPrincipal caller, UserAdministration administration, CancellationToken ct) =>
        Answer(await administration.UpdateAsync(SessionActor.From(caller).UserId, id, body, ct));

    private static async Task<Results<Ok<AdminUser>, ProblemHttpResult>> DeactivateAsync(
        string id, ClaimsPrincipal caller, UserAdministration administration, CancellationToken ct) =>
        Answer(await administration.DeactivateAsync(SessionActor.From(caller).UserId, id, ct));

    private static async Task<Results<Ok<AdminUser>, ProblemHttpResult>> ReactivateAsync(
        string id, ClaimsPrincipal caller, UserAdministration administration, CancellationToken ct) =>
        Answer(await administration.ReactivateAsync(SessionActor.From(caller).UserId, id, ct));

    private static async Task<Results<Ok<PasswordLinkDto>, ProblemHttpResult>> PasswordLinkAsync(
        string id, ClaimsPrincipal caller, HttpRequest request, UserAdministration administration, CancellationToken ct)
    {
        var result = await administration.IssuePasswordLinkAsync(SessionActor.From(caller).UserId, id, ct);
        return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(PasswordLinkDto.From(result.Value!, request));
    }

    private static async Task<Results<Ok<ApiPage<AuditEntryDto>>, ProblemHttpResult>> AuditAsync(
        AuditTrail audit, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Read(errors, page, pageSize);
        if (errors.ToError() is { } invalid)
        {
            return invalid.ToProblem();
        }
        var entries = await audit.ReadAsync(paging, ct);
        return TypedResults.Ok(ApiPage.Of([.. entries.Items.Select(AuditEntryDto.From)], paging, entries.TotalCount));
    }

    private static Results<Ok<AdminUser>, ProblemHttpResult> Answer(Result<AdminUser> result) =>
        result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
}
