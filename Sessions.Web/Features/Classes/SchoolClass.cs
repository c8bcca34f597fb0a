using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Features.Classes;

public sealed class SchoolClass
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Subject { get; set; }
    public required string EducatorId { get; set; }
    public AppUser? Educator { get; set; }
    public List<Enrollment> Enrollments { get; set; } = [];
}
