using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Notifications;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Kind).HasMaxLength(32)
            .HasConversion(v => WireNames.Of(v), v => WireNames.Parse<NotificationKind>(v));
        builder.Property(m => m.State).HasMaxLength(16)
            .HasConversion(v => WireNames.Of(v), v => WireNames.Parse<OutboxState>(v));
        builder.Property(m => m.EducatorId).HasMaxLength(450);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        // The dispatcher's two questions: what is due, and is there a newer row for this document.
        builder.HasIndex(m => new { m.State, m.NextAttemptUtc });
        builder.HasIndex(m => new { m.EducatorId, m.State, m.Id });
    }
}
