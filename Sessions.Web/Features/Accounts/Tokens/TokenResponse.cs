namespace Sessions.Web.Features.Accounts.Tokens;

/// <summary>
/// What <c>POST /api/auth/login</c> and <c>POST /api/auth/refresh</c> answer: a short-lived bearer token for the
/// <c>Authorization</c> header (and the hub's <c>access_token</c>), and the single-use refresh token that renews it.
/// </summary>
/// <param name="ExpiresIn">Seconds until <paramref name="AccessToken"/> expires.</param>
public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>Body of <c>POST /api/auth/refresh</c> and <c>POST /api/auth/revoke</c>.</summary>
public sealed record RefreshRequest(string? RefreshToken);
