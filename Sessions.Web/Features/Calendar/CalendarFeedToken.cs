using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Features.Calendar;

/// <summary>
/// A user's private calendar feed. The feed is found by the SHA-256 of its secret token; the token itself is kept only
/// encrypted with the portal's data-protection keys (so the page can show the same URL again), never in clear. One per
/// user; renewing replaces both, and the old URL stops working at once.
/// </summary>
public sealed class CalendarFeedToken
{
    public required string UserId { get; init; }

    public required byte[] TokenHash { get; set; }

    /// <summary>The token, encrypted with data protection (<see cref="CalendarFeeds"/>), for showing the URL again.</summary>
    public required string ProtectedToken { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> builder)
    {
        builder.ToTable("CalendarFeedTokens");
        builder.HasKey(t => t.UserId);
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.TokenHash).HasMaxLength(CalendarFeedSecret.HashBytes);
        // The feed finds its owner by the hash: an index lookup of a value an attacker cannot steer byte by byte.
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.ProtectedToken).HasMaxLength(512);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<CalendarFeedToken>(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
