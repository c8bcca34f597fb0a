namespace Sessions.Web.Features.Administration.Bootstrap;

/// <summary>
/// <c>Admin:Email</c> and <c>Admin:InitialPassword</c>: the first administrator of a school, created at start while no
/// administrator exists, who must change the password at the first sign-in. Both or neither.
/// </summary>
public sealed class AdminBootstrapOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }

    public string? InitialPassword { get; set; }

    public bool IsConfigured => Email is not null || InitialPassword is not null;
}
