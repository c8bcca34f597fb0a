using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Classes;

public sealed class SchoolClass
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The class's short unique code (2–16 of A–Z, 0–9 and '-'), stored upper-case: see <see cref="ClassCode"/>.</summary>
    public required string Code { get; set; }
    public required string Subject { get; set; }
    public required string EducatorId { get; set; }
    public AppUser? Educator { get; set; }
    public List<Enrollment> Enrollments { get; set; } = [];
    public List<ClassCoEducator> CoEducators { get; set; } = [];

    /// <summary>When an admin archived the class, or null: an archived class keeps its history and takes no new sessions.</summary>
    public DateTime? ArchivedUtc { get; set; }

    /// <summary>What the class's sessions run with (a complex property), unless a session overrides a setting (<see cref="Session.Overrides"/>).</summary>
    public SessionSettings SessionDefaults { get; set; } = SessionSettings.ClassDefaults;
}
