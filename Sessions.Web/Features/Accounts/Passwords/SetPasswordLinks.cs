using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts.Passwords;

/// <summary>
/// Set-password links: the account id, its security stamp and an expiry, protected by Data Protection under a purpose of
/// their own. Setting the password renews the stamp, so a link works once and every older link of the account dies with
/// it (as they do when it is deactivated). The expiry sits inside the payload and is checked against our
/// <see cref="TimeProvider"/>, because Data Protection's time-limited protector reads the system clock.
/// </summary>
public sealed partial class SetPasswordLinks(
    IDataProtectionProvider protection, TimeProvider time, IHostEnvironment environment, ILogger<SetPasswordLinks> logger)
{
    public const string PagePath = "/account/set-password";
    public const string TokenParameter = "token";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    private const string Purpose = "Sessions.Accounts.SetPasswordLink.v1";
    private const char Separator = '\n';

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>A new link for the account as it stands (its current security stamp).</summary>
    public SetPasswordLink Issue(string userId, string securityStamp)
    {
        var expiresUtc = time.StoredUtcNow() + Lifetime;
        var payload = string.Join(Separator, userId, securityStamp, expiresUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        var token = WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes(payload)));
        var link = new SetPasswordLink($"{PagePath}?{TokenParameter}={token}", expiresUtc);
        if (environment.IsDevelopment())
        {
            // No email leaves a development machine, so its log is where the link can be picked up.
            LogIssued(logger, userId, link.Path);
        }
        return link;
    }

    /// <summary>The account and stamp a token was issued for, if it is genuine and unexpired; whether it is used is the caller's check.</summary>
    public Result<LinkHolder> Read(string? token)
    {
        string[] parts;
        try
        {
            var bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(token ?? ""));
            parts = System.Text.Encoding.UTF8.GetString(bytes).Split(Separator);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return PasswordErrors.LinkInvalid;
        }
        if (parts is not [var userId, var stamp, var ticks] || !long.TryParse(ticks, CultureInfo.InvariantCulture, out var expiresTicks))
        {
            return PasswordErrors.LinkInvalid;
        }
        if (time.GetUtcNow().UtcDateTime.Ticks >= expiresTicks)
        {
            return PasswordErrors.LinkExpired;
        }
        return new LinkHolder(userId, stamp);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Set-password link for account {UserId} (Development only): {LinkPath}")]
    private static partial void LogIssued(ILogger logger, string userId, string linkPath);
}

/// <summary>The account a set-password link was issued for, and its security stamp at the time.</summary>
public sealed record LinkHolder(string UserId, string SecurityStamp);
