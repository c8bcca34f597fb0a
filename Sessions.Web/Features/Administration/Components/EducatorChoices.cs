using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Components;

/// <summary>What an educator picker offers: the active educators whose email or name holds the text (the accounts list's own query).</summary>
internal static class EducatorChoices
{
    private const int Count = 20;

    public static async Task<IEnumerable<AdminUser>> FindAsync(UserAdministration users, string? text, CancellationToken ct) =>
        (await users.ListAsync(new UserFilter(text, AppRoles.Educator, UserStatus.Active), new PageRequest(1, Count), ct)).Items;

    public static string? Label(AdminUser? user) => user is null ? null : $"{user.DisplayName} ({user.Email})";
}
