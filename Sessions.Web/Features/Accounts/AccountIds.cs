using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Accounts;

/// <summary>
/// An account id named in a request body: required, and never holding control characters. PostgreSQL refuses a NUL in
/// text outright, so such an id is answered as the field error it is, never sent to the database.
/// </summary>
public static class AccountIds
{
    public const int MaxLength = 450;

    public static void Check(FieldErrors errors, string field, string? id, FieldMessage requiredMessage, FieldMessage unknownMessage)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(field, requiredMessage);
        }
        else if (!IsWellFormed(id))
        {
            errors.Add(field, unknownMessage);
        }
    }

    public static bool IsWellFormed(string id) => id.Length <= MaxLength && !id.Any(char.IsControl);
}
