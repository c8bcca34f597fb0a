using Sessions.Web.Features.Activity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Lockout;
using Sessions.Web.Features.Accounts.Tokens;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Calendar;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Features.Ratings;
using Sessions.Web.Features.Reports;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// The model every feature uses. Each database provider has a subclass of its own (<see cref="SqliteSessionsDbContext"/>,
/// <see cref="PostgresSessionsDbContext"/>) only so that each has its own migrations; features inject this type.
/// </summary>
public abstract class SessionsDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<SchoolClass> Classes => Set<SchoolClass>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<ClassCoEducator> ClassCoEducators => Set<ClassCoEducator>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AttendanceInterval> Attendance => Set<AttendanceInterval>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();
    public DbSet<ChatAttachment> ChatAttachments => Set<ChatAttachment>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<RatingPromptDismissal> RatingPromptDismissals => Set<RatingPromptDismissal>();
    public DbSet<ActivityEntry> ActivityEntries => Set<ActivityEntry>();
    public DbSet<SessionReportNote> SessionReportNotes => Set<SessionReportNote>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.Property(u => u.TimeZoneId).HasMaxLength(64);
            user.Property(u => u.Culture).HasMaxLength(32);
            user.Property(u => u.ClockPreference).HasMaxLength(8);
            user.Property(u => u.DigitPreference).HasMaxLength(8);
            user.HasIndex(u => u.RtcUid).IsUnique();
        });
        // Roles are part of the schema: every environment has the same three.
        builder.Entity<IdentityRole>().HasData(AppRoles.All.Select(role => new IdentityRole(role)
        {
            Id = AppRoles.IdOf(role),
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = role.ToLowerInvariant(),
        }));
        builder.ApplyConfigurationsFromAssembly(typeof(SessionsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
