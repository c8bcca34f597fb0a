using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Administration;

/// <summary>Samples for the OpenAPI document, typed so that they are serialized as the endpoints serialize them.</summary>
internal static class AdministrationDocs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public static readonly NewUser CreateRequest = new("teacher@example.com", "Ms. Rivera", [AppRoles.Educator], "Europe/Paris");

    public static readonly UserChanges UpdateRequest = new(null, "Dr. Rivera", [AppRoles.Educator, AppRoles.Admin], null);

    public static readonly AdminUser User = new("5f0c1c43-3f6e-4a3b-9d43-5c1e0d8b2a10", "teacher@example.com", "Ms. Rivera",
        [AppRoles.Educator], "Europe/Paris", UserStatus.Active);

    public static readonly PasswordLinkDto Link = new("https://sessions.example.com/account/set-password?token=CfDJ8N3kq...", Now.AddHours(72));

    public static readonly CreatedUserDto Created = new(User, Link);

    public static readonly AdminClassRow ClassRow = new(7, "Algebra II", "ALG-2", "Mathematics", new SessionHostDto(User.Id, User.DisplayName),
        24, null, [ClassDocs.CoEducator]);

    public static readonly AuditEntryDto Entry = new(42, "0b8e7f7a-6c55-4f8e-a1d4-2f7c1c9e8d33", "Admin", AuditActions.UserDeactivated, User.Id, Now,
        null, null);
}
