namespace Sessions.Web.Features.Administration;

/// <summary>Whether an account may sign in; a deactivated one keeps its history.</summary>
public static class UserStatus
{
    public const string Active = "active";
    public const string Deactivated = "deactivated";

    public static readonly IReadOnlyList<string> All = [Active, Deactivated];
}
