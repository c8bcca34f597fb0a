namespace Sessions.Web.Features.Accounts;

public static class AppRoles
{
    public const string Educator = nameof(Educator);
    public const string Student = nameof(Student);
    public const string Admin = nameof(Admin);

    public const string EducatorOrAdmin = Educator + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Educator, Student, Admin];
}
