namespace Sessions.Web.Features.Accounts;

public static class AppRoles
{
    public const string Educator = nameof(Educator);
    public const string Student = nameof(Student);
    public const string Admin = nameof(Admin);

    public const string EducatorOrAdmin = Educator + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Educator, Student, Admin];

    /// <summary>The id each role row is seeded with, so that a role can be given without reading the roles table.</summary>
    public static string IdOf(string role) => role.ToLowerInvariant();
}
