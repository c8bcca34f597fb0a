using Sessions.Web.Features.Accounts.Tokens;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts;

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the endpoints serialize them.</summary>
internal static class AccountDocs
{
    public static readonly ServiceError LockedOut = AccountErrors.LockedOut(TimeSpan.FromMinutes(5));

    public static readonly LoginRequest LoginRequest = new("teacher@example.com", "Passw0rd!");

    public static readonly RefreshRequest RefreshRequest = new("q7Jk3Xv0bG2mYpL9sW4tNc8eRz1uHd6A");

    public static readonly TokenResponse Tokens = new("Bearer", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl", 900,
        RefreshRequest.RefreshToken!);

    public static readonly AccountPreferences Preferences = new("ar", ClockPreference.TwelveHour, DigitPreference.Latin);
}
