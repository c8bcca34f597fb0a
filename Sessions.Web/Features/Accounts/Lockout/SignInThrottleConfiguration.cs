using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sessions.Web.Features.Accounts.Lockout;

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("SignInThrottles");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(64);
        // Clearing out what has gone quiet.
        builder.HasIndex(t => t.WindowStartUtc);
    }
}
