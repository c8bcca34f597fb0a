using Sessions.Web.Features.Accounts.Passwords;

namespace Sessions.Web.Features.Administration;

/// <summary>An account as an administrator sees it.</summary>
public sealed record AdminUser(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string TimeZone, string Status);

public sealed record AdminUserPage(IReadOnlyList<AdminUser> Items, int TotalCount);

/// <summary>Which accounts to list: a text found in the email or name, a role, a status (each optional).</summary>
public sealed record UserFilter(string? Search, string? Role, string? Status);

/// <summary>A new account's details, as the form and the API take them.</summary>
public sealed record NewUser(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, string? TimeZone);

/// <summary>The details to change; a null one stays as it is.</summary>
public sealed record UserChanges(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, string? TimeZone);

public sealed record CreatedUser(AdminUser User, SetPasswordLink Link);
