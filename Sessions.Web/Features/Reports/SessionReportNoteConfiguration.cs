using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Reports;

internal sealed class SessionReportNoteConfiguration : IEntityTypeConfiguration<SessionReportNote>
{
    public void Configure(EntityTypeBuilder<SessionReportNote> builder)
    {
        builder.ToTable("SessionReportNotes");
        builder.HasKey(n => n.SessionId);
        builder.Property(n => n.Summary).HasMaxLength(SessionReports.MaxStoredLength);
        builder.Property(n => n.Recommendations).HasMaxLength(SessionReports.MaxStoredLength);
        builder.HasOne<Session>().WithOne().HasForeignKey<SessionReportNote>(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UpdatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
