using System.ComponentModel.DataAnnotations;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Accounts;

/// <summary>What an account's email, name, roles and time zone may be: one set of checks for creating and editing.</summary>
public static class UserFields
{
    public const int MaxEmailLength = 256;

    public static readonly TextRule DisplayName = new("displayName", "The display name", MaxLength: 100, Required: true);

    private static readonly EmailAddressAttribute EmailFormat = new();

    public static void CheckEmail(FieldErrors errors, string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxEmailLength || email.Trim() != email || !EmailFormat.IsValid(email)
            || email.Count(c => c == '@') != 1 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add("email", FieldMessage.Of("email_invalid", "The email must be one address, such as teacher@example.com."));
        }
    }

    public static void CheckRoles(FieldErrors errors, IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            errors.Add("roles", FieldMessage.Of("roles_missing", $"Give at least one role: {string.Join(", ", AppRoles.All)}."));
        }
        else if (roles.FirstOrDefault(r => !AppRoles.All.Contains(r, StringComparer.Ordinal)) is { } unknown)
        {
            errors.Add("roles", FieldMessage.Of("role_unknown", $"'{unknown}' is not a role; the roles are {string.Join(", ", AppRoles.All)}.", ("role", unknown)));
        }
    }

    /// <summary>IANA ids only (Europe/Paris): the apps convert with IANA data, and Windows names are not portable.</summary>
    public static void CheckTimeZone(FieldErrors errors, string? timeZone)
    {
        if (!IsIanaTimeZone(timeZone))
        {
            errors.Add("timeZone", FieldMessage.Of("time_zone_invalid", "The time zone must be an IANA time zone id, such as Europe/Paris."));
        }
    }

    /// <summary>Every IANA time zone id this machine knows, in order: what the forms offer.</summary>
    public static IReadOnlyList<string> TimeZoneIds { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)];

    public static bool IsIanaTimeZone(string? timeZone) =>
        !string.IsNullOrEmpty(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId;
}
