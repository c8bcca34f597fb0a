using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Accounts;

public sealed record LoginRequest([property: Required, EmailAddress] string? Email, [property: Required] string? Password);

public sealed record MeResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, uint RtcUid, string TimeZone);
