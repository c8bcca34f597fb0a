using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sessions.Web.Features.Sessions;

/// <summary>
/// Where the settings' complex properties are stored. The settings were plain columns before they became one type
/// (<c>ChatEnabled</c> on a session, <c>DefaultChatEnabled</c> on a class); keeping those names made the change need no migration.
/// </summary>
internal static class SessionSettingsColumns
{
    public static void Prefixed(ComplexPropertyBuilder settings, string prefix)
    {
        foreach (var setting in settings.Metadata.ComplexType.GetDeclaredProperties())
        {
            setting.SetColumnName(prefix + setting.Name);
        }
    }
}
