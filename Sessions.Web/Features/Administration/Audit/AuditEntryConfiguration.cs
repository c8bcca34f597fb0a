using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sessions.Web.Features.Administration.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.TargetId).HasMaxLength(450);
        // The trail is read newest first, a page at a time.
        entry.HasIndex(e => new { e.AtUtc, e.Id });
    }
}
