using System.Globalization;
using System.Resources;

namespace Sessions.Web.Features.Accounts.Components;

/// <summary>
/// The resource class of the sign-in and account pages' texts. Validation attributes need static properties
/// (<c>ErrorMessageResourceType</c>), so the few messages they show are also read here, in the request's language.
/// </summary>
public sealed class AccountsText
{
    private static readonly ResourceManager Resources = new(typeof(AccountsText));

    /// <summary>For <c>[Required]</c>.</summary>
    public static string Required => Text(nameof(Required));

    /// <summary>For <c>[EmailAddress]</c>.</summary>
    public static string EmailInvalid => Text(nameof(EmailInvalid));

    private static string Text(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
