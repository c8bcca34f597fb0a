using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Features.Attendance;

internal sealed class AttendanceIntervalConfiguration : IEntityTypeConfiguration<AttendanceInterval>
{
    public void Configure(EntityTypeBuilder<AttendanceInterval> builder)
    {
        builder.ToTable("Attendance");
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.SessionId, a.UserId });
        // At most one open interval per participant: a second tab or a retried join does not count twice.
        builder.HasIndex(a => new { a.SessionId, a.UserId }, "IX_Attendance_OneOpenIntervalPerUser")
            .IsUnique()
            .HasFilter("\"LeftUtc\" IS NULL");
    }
}
