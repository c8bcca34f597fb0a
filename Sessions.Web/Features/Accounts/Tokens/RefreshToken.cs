namespace Sessions.Web.Features.Accounts.Tokens;

/// <summary>
/// One refresh token handed to an app. Only its hash is stored. Each use hands out its successor in the same family;
/// a token used twice means it was copied, and the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; }

    /// <summary>The sign-in this token descends from: every token rotated out of the same login shares it.</summary>
    public Guid FamilyId { get; set; }

    public required string UserId { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The user's security stamp when the family began: a password or role change ends the family.</summary>
    public required string SecurityStamp { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }

    /// <summary>Set when the token was exchanged for its successor.</summary>
    public DateTime? UsedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}
