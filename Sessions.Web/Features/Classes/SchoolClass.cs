using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Classes;

public sealed class SchoolClass
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Subject { get; set; }
    public required string EducatorId { get; set; }
    public AppUser? Educator { get; set; }
    public List<Enrollment> Enrollments { get; set; } = [];

    // The class's session defaults; each session may override them (SessionSettingOverrides).
    public bool DefaultChatEnabled { get; set; } = SessionSettings.ClassDefaults.ChatEnabled;
    public int DefaultMaxParticipants { get; set; } = SessionSettings.ClassDefaults.MaxParticipants;
    public bool DefaultStudentMediaEnabled { get; set; } = SessionSettings.ClassDefaults.StudentMediaEnabled;
    public bool DefaultRecordingEnabled { get; set; } = SessionSettings.ClassDefaults.RecordingEnabled;

    /// <summary>The defaults, read in queries; together with <see cref="SetDefaults"/> the one place that names their columns.</summary>
    public static readonly Expression<Func<SchoolClass, SessionSettings>> DefaultsOf =
        c => new SessionSettings(c.DefaultChatEnabled, c.DefaultMaxParticipants, c.DefaultStudentMediaEnabled, c.DefaultRecordingEnabled);

    /// <summary>Stores <paramref name="defaults"/> as the class's session defaults in a bulk update.</summary>
    public static UpdateSettersBuilder<SchoolClass> SetDefaults(UpdateSettersBuilder<SchoolClass> update, SessionSettings defaults) => update
        .SetProperty(c => c.DefaultChatEnabled, defaults.ChatEnabled)
        .SetProperty(c => c.DefaultMaxParticipants, defaults.MaxParticipants)
        .SetProperty(c => c.DefaultStudentMediaEnabled, defaults.StudentMediaEnabled)
        .SetProperty(c => c.DefaultRecordingEnabled, defaults.RecordingEnabled);
}
