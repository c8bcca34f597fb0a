using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sessions.Web.Features.Classes;

internal sealed class ClassCoEducatorConfiguration : IEntityTypeConfiguration<ClassCoEducator>
{
    public void Configure(EntityTypeBuilder<ClassCoEducator> builder)
    {
        builder.HasKey(e => new { e.ClassId, e.EducatorId });
        builder.HasOne(e => e.Class).WithMany(c => c.CoEducators).HasForeignKey(e => e.ClassId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Educator).WithMany().HasForeignKey(e => e.EducatorId).OnDelete(DeleteBehavior.Cascade);
        // A co-educator's dashboard and hub connection look up the classes they teach.
        builder.HasIndex(e => e.EducatorId);
    }
}
