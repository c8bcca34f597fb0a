using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(Session.TitleMaxLength);
        builder.Property(s => s.Description).HasMaxLength(Session.DescriptionMaxLength);
        builder.Property(s => s.Status).HasMaxLength(32)
            .HasConversion(v => WireNames.Of(v), v => WireNames.Parse<SessionStatus>(v));
        builder.Property(s => s.Type).HasMaxLength(16)
            .HasConversion(v => WireNames.Of(v), v => WireNames.Parse<SessionType>(v));
        builder.Property(s => s.ChannelName).HasMaxLength(64);
        builder.Property(s => s.CancellationReason).HasMaxLength(Session.CancellationReasonMaxLength);
        builder.ComplexProperty(s => s.Overrides, overrides => SessionSettingsColumns.Prefixed(overrides, prefix: ""));
        // The lifecycle worker looks for due sessions by status every pass.
        builder.HasIndex(s => new { s.Status, s.ScheduledStartUtc });
        builder.HasIndex(s => s.ChannelName).IsUnique();
        builder.HasOne(s => s.Class).WithMany().HasForeignKey(s => s.ClassId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Educator).WithMany().HasForeignKey(s => s.EducatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.EducatorId, s.ScheduledStartUtc });
        builder.HasIndex(s => new { s.ClassId, s.ScheduledStartUtc });
        // "This and following" reads a series' sessions by their start.
        builder.HasIndex(s => new { s.SeriesId, s.ScheduledStartUtc });
        // The mobile notifier is keyed by educator, so the database itself refuses a second live session.
        builder.HasIndex(s => s.EducatorId, "IX_Sessions_OneLivePerEducator")
            .IsUnique()
            .HasFilter("\"Status\" IN ('in_progress', 'end_request_pending')");
    }
}
