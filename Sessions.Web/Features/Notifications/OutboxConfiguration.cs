using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Notifications;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Type).HasMaxLength(OutboxMessage.TypeMaxLength);
        builder.Property(m => m.Key).HasMaxLength(OutboxMessage.KeyMaxLength);
        builder.Property(m => m.State).HasMaxLength(16)
            .HasConversion(v => WireNames.Of(v), v => WireNames.Parse<OutboxState>(v));
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        builder.Property(m => m.ClaimedBy).HasMaxLength(OutboxMessage.ClaimedByMaxLength);
        // The dispatcher's two questions: what is due, and is there an older or newer row for this key.
        builder.HasIndex(m => new { m.State, m.NextAttemptUtc });
        builder.HasIndex(m => new { m.Type, m.Key, m.State, m.Id });
    }
}
