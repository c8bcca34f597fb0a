namespace Sessions.Web.Features.Accounts.Lockout;

/// <summary>
/// Wrong passwords counted for one account from one client (a recognised device, or every unrecognised client
/// together). The key is a hash, so the table names no email address, whether or not an account has it.
/// </summary>
public sealed class SignInThrottle
{
    public required string Key { get; set; }
    public int Failures { get; set; }
    public DateTime WindowStartUtc { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
}
