using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Accounts;

public sealed record LoginRequest([property: Required, EmailAddress] string? Email, [property: Required] string? Password);

public sealed record MeResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, uint RtcUid, string TimeZone);

/// <summary>
/// The caller's language and formats. <c>culture</c>: a supported culture (<c>en</c>, <c>ar</c>, …) or null for the browser's
/// <c>Accept-Language</c>; <c>clock</c>: <c>h12</c>, <c>h23</c> or null for the language's; <c>digits</c>: <c>latn</c> (0–9),
/// <c>arab</c> (٠–٩) or null for the language's.
/// </summary>
public sealed record AccountPreferences(string? Culture, string? Clock, string? Digits)
{
    public static AccountPreferences Of(AppUser user) => new(user.Culture, user.ClockPreference, user.DigitPreference);
}
