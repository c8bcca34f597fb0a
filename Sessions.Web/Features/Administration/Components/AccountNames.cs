using Microsoft.Extensions.Localization;

namespace Sessions.Web.Features.Administration.Components;

/// <summary>
/// A role's, an account status's or an audited action's name as people read it (<c>Role.Admin</c>, <c>Status.deactivated</c>,
/// <c>AuditAction.user.created</c> in <see cref="AdministrationText"/>); the API and the database keep the stored values. A
/// value without a name (a role an imported file misspelt) shows as it is.
/// </summary>
public static class AccountNames
{
    public static string Role(this IStringLocalizer<AdministrationText> text, string role) => Named(text, $"Role.{role}", role);

    public static string Status(this IStringLocalizer<AdministrationText> text, string status) => Named(text, $"Status.{status}", status);

    public static string AuditAction(this IStringLocalizer<AdministrationText> text, string action) => Named(text, $"AuditAction.{action}", action);

    private static string Named(IStringLocalizer<AdministrationText> text, string key, string stored) =>
        text[key] is { ResourceNotFound: false } name ? name.Value : stored;
}
