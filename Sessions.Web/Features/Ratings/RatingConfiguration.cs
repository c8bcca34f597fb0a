using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Ratings;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        builder.ToTable("Ratings");
        builder.Property(r => r.Status).HasMaxLength(16)
            .HasConversion(v => WireNames.Of(v), v => WireNames.Parse<RatingStatus>(v));
        builder.Property(r => r.Feedback).HasMaxLength(RatingRules.FeedbackMaxStoredLength);
        builder.Property(r => r.RejectReason).HasMaxLength(RatingRules.ReasonMaxStoredLength);
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReviewedById).OnDelete(DeleteBehavior.SetNull);
        // Once per student and session, also when two submissions race.
        builder.HasIndex(r => new { r.SessionId, r.StudentId }).IsUnique();
        // The moderation list: pending first, newest first.
        builder.HasIndex(r => new { r.Status, r.SubmittedUtc });
    }
}

internal sealed class RatingPromptDismissalConfiguration : IEntityTypeConfiguration<RatingPromptDismissal>
{
    public void Configure(EntityTypeBuilder<RatingPromptDismissal> builder)
    {
        builder.ToTable("RatingPromptDismissals");
        builder.HasKey(d => new { d.SessionId, d.StudentId });
        builder.HasOne<Session>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
