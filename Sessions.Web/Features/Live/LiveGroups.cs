using System.Globalization;

namespace Sessions.Web.Features.Live;

/// <summary>The only place group names are built: the hub, the broadcaster and in-process subscribers all use it.</summary>
public static class LiveGroups
{
    /// <summary>The class group's name as the contract documents it.</summary>
    public const string ClassTemplate = "class:{classId}";

    public const string EducatorTemplate = "educator:{educatorId}";

    /// <summary>
    /// Every session event of the school, for administrators' pages. In-process only (<see cref="LiveSubscriptions"/>): the hub
    /// puts no connection in it, so the apps' contract (and "admins hear nothing" there) stays as it is.
    /// </summary>
    public const string School = "school";

    public static string ForClass(int classId) => string.Create(CultureInfo.InvariantCulture, $"class:{classId}");

    public static string ForEducator(string educatorId) => $"educator:{educatorId}";
}
