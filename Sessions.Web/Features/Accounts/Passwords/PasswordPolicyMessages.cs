using Microsoft.AspNetCore.Identity;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts.Passwords;

/// <summary>
/// Identity's refusals of a new password as field messages with keys, so the rules of the password policy read in the
/// user's language like every other field message (Identity's own descriptions are English only).
/// </summary>
public static class PasswordPolicyMessages
{
    public const string Field = "password";

    public static ServiceError Refusal(IEnumerable<IdentityError> errors, PasswordOptions policy)
    {
        var refusal = new FieldErrors();
        foreach (var error in errors)
        {
            refusal.Add(Field, MessageOf(error, policy));
        }
        return refusal.ToError() ?? throw new ArgumentException("A refusal names at least one broken rule.", nameof(errors));
    }

    private static FieldMessage MessageOf(IdentityError error, PasswordOptions policy) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => FieldMessage.Of("password_too_short",
            $"The password must have at least {policy.RequiredLength} characters.", ("min", policy.RequiredLength)),
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => FieldMessage.Of("password_needs_unique_characters",
            $"The password must use at least {policy.RequiredUniqueChars} different characters.", ("count", policy.RequiredUniqueChars)),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => FieldMessage.Of("password_needs_digit", "The password must have a digit (0–9)."),
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => FieldMessage.Of("password_needs_lowercase", "The password must have a lowercase letter (a–z)."),
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => FieldMessage.Of("password_needs_uppercase", "The password must have an uppercase letter (A–Z)."),
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => FieldMessage.Of("password_needs_symbol",
            "The password must have a character that is neither a letter nor a digit."),
        _ => error.Description,
    };
}
