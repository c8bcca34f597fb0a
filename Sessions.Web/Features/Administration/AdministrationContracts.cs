using System.Text.Json;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration;

/// <summary>A set-password link as the API hands it out: the whole URL to copy, and when it stops working.</summary>
public sealed record PasswordLinkDto(string Url, DateTimeOffset ExpiresAt)
{
    public static PasswordLinkDto From(SetPasswordLink link, HttpRequest request) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}{link.Path}", ApiTime.Utc(link.ExpiresUtc));
}

/// <summary>The answer to creating an account: the account, and the link its owner sets a password with.</summary>
public sealed record CreatedUserDto(AdminUser User, PasswordLinkDto PasswordLink);

/// <summary>An audit entry: the account as it was before and after, as JSON objects (null where there was none).</summary>
public sealed record AuditEntryDto(
    long Id, string? ActorId, string? ActorName, string Action, string TargetId, DateTimeOffset At, JsonElement? Before, JsonElement? After)
{
    public static AuditEntryDto From(AuditRecord entry) => new(entry.Id, entry.ActorId, entry.ActorName, entry.Action, entry.TargetId,
        ApiTime.Utc(entry.AtUtc), Parse(entry.Before), Parse(entry.After));

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
