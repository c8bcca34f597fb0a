using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Features.Accounts.Lockout;

/// <summary>
/// The device cookie: which accounts signed in with the right password from this browser or app. Its payload is
/// encrypted and time-limited by Data Protection, so it can be neither read nor forged nor kept past its life.
/// </summary>
public sealed class DeviceRecognition(IDataProtectionProvider protection, IOptions<ClientLockoutOptions> options)
{
    public const string CookieName = "sessions.device";

    /// <summary>A shared computer may sign several people in; the oldest is forgotten beyond this.</summary>
    private const int MaxAccounts = 8;

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Sessions.Accounts.DeviceCookie.v1").ToTimeLimitedDataProtector();

    /// <summary>This client's device id if it signed in to the account before, otherwise null.</summary>
    public string? DeviceFor(HttpContext http, string normalizedEmail)
    {
        var device = Read(http);
        return device is not null && device.Accounts.Contains(AccountTag(normalizedEmail)) ? device.Id : null;
    }

    /// <summary>Marks this client as a device the account signed in from (a new device gets its id now).</summary>
    public void Remember(HttpContext http, string normalizedEmail)
    {
        var device = Read(http) ?? new Device(Guid.NewGuid().ToString("N"), []);
        var tag = AccountTag(normalizedEmail);
        var accounts = device.Accounts.Where(a => a != tag).Append(tag).TakeLast(MaxAccounts).ToArray();
        var lifetime = options.Value.DeviceCookieLifetime;
        var value = _protector.Protect(JsonSerializer.Serialize(device with { Accounts = accounts }), lifetime);
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    private Device? Read(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Device>(_protector.Unprotect(value, out _));
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null; // expired, tampered with, or from keys this portal no longer has: an unrecognised client
        }
    }

    private static string AccountTag(string normalizedEmail) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)).AsSpan(0, 12));

    private sealed record Device(string Id, string[] Accounts);
}
