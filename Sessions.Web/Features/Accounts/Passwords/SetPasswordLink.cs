namespace Sessions.Web.Features.Accounts.Passwords;

/// <summary>A link (a path with its token) that lets the account's owner set a password once, before it expires.</summary>
public sealed record SetPasswordLink(string Path, DateTime ExpiresUtc);
