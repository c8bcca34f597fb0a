using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Features.Classes;

/// <summary>An educator who teaches a class beside its owner: they may start, end and moderate its sessions.</summary>
public sealed class ClassCoEducator
{
    public int ClassId { get; set; }
    public SchoolClass? Class { get; set; }
    public required string EducatorId { get; set; }
    public AppUser? Educator { get; set; }
}
