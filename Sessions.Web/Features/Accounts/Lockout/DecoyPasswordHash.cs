using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Features.Accounts.Lockout;

/// <summary>
/// A hash of a random password, made once with the portal's own hashing settings, that an unknown email's password is
/// checked against: a sign-in for an account that does not exist then costs exactly what a wrong password costs.
/// </summary>
public sealed class DecoyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    public static readonly AppUser NoAccount = new() { DisplayName = "", TimeZoneId = "UTC" };

    private readonly Lazy<string> _hash = new(() =>
        new PasswordHasher<AppUser>(options).HashPassword(NoAccount, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public string Value => _hash.Value;
}
