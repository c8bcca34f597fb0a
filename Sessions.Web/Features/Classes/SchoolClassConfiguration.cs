using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Classes;

internal sealed class SchoolClassConfiguration : IEntityTypeConfiguration<SchoolClass>
{
    public void Configure(EntityTypeBuilder<SchoolClass> builder)
    {
        builder.ToTable("Classes");
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.Property(c => c.Subject).HasMaxLength(80);
        builder.Property(c => c.Code).HasMaxLength(ClassCode.MaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.ComplexProperty(c => c.SessionDefaults, defaults => SessionSettingsColumns.Prefixed(defaults, prefix: "Default"));
        builder.HasOne(c => c.Educator).WithMany().HasForeignKey(c => c.EducatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.EducatorId);
    }
}
