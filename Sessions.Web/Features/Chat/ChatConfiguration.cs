using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Chat;

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("ChatMessages");
        builder.Property(m => m.SenderRole).HasMaxLength(16);
        builder.HasOne<Session>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.DeletedById).OnDelete(DeleteBehavior.SetNull);
        // History pages: newest first within a session, the cursor being the last id seen.
        builder.HasIndex(m => new { m.SessionId, m.Id }).IsDescending(false, true);
        // A retried send is stored once, also when two tries race.
        builder.HasIndex(m => new { m.SessionId, m.SenderId, m.ClientMessageId }).IsUnique();
        // The rate limit counts a sender's recent messages.
        builder.HasIndex(m => new { m.SenderId, m.SentUtc });
    }
}

internal sealed class ChatAttachmentConfiguration : IEntityTypeConfiguration<ChatAttachment>
{
    public void Configure(EntityTypeBuilder<ChatAttachment> builder)
    {
        builder.ToTable("ChatAttachments");
        builder.Property(a => a.Kind).HasMaxLength(16)
            .HasConversion(v => WireNames.Of(v), v => WireNames.Parse<AttachmentKind>(v));
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.ThumbnailContentType).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(ChatAttachment.FileNameMaxLength);
        builder.Property(a => a.StorageKey).HasMaxLength(200);
        builder.Property(a => a.ThumbnailKey).HasMaxLength(200);
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UploaderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ChatMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.MessageId);
        builder.HasIndex(a => new { a.SessionId, a.UploaderId });
    }
}
