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
}
