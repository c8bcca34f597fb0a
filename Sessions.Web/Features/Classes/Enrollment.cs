using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Features.Classes;

public sealed class Enrollment
{
    public int ClassId { get; set; }
    public SchoolClass? Class { get; set; }
    public required string StudentId { get; set; }
    public AppUser? Student { get; set; }
}
