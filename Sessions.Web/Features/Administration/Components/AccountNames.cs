using Microsoft.Extensions.Localization;

namespace Sessions.Web.Features.Administration.Components;

/// <summary>
/// A role's or an account status's name as people read it (<c>Role.Admin</c>, <c>Status.deactivated</c> in
/// <see cref="AdministrationText"/>); the API and the database keep the stored values. A value without a name (a role an
/// imported file misspelt) shows as it is.
/// </summary>
public static class AccountNames
{
    public static string Role(this IStringLocalizer<AdministrationText> text, string role) => Named(text, $"Role.{role}", role);

    public static string Status(this IStringLocalizer<AdministrationText> text, string status) => Named(text, $"Status.{status}", status);

    private static string Named(IStringLocalizer<AdministrationText> text, string key, string stored) =>
        text[key] is { ResourceNotFound: false } name ? name.Value : stored;
}
