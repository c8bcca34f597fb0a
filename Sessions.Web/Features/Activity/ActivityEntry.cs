using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sessions.Web.Features.Activity;

/// <summary>
/// One thing that happened in a session, appended in the transaction of the change it records and never updated or
/// deleted: when (UTC), what (<see cref="ActivityKinds"/>), who (null: the system, e.g. the lifecycle worker) and the
/// kind's details as JSON (<see cref="ActivityData"/>).
/// </summary>
public sealed class ActivityEntry
{
    public long Id { get; private set; }

    public Guid SessionId { get; init; }

    public DateTime AtUtc { get; init; }

    public required string Kind { get; init; }

    public string? ActorId { get; init; }

    /// <summary>The kind's record as camelCase JSON; null for kinds that carry nothing beyond who and when.</summary>
    public string? Data { get; init; }
}

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> entry)
    {
        entry.ToTable("ActivityEntries");
        entry.Property(e => e.Kind).HasMaxLength(32);
        entry.Property(e => e.ActorId).HasMaxLength(450);
        // Read a session at a time, in order, by an id cursor; reports count a session's entries by kind.
        entry.HasIndex(e => new { e.SessionId, e.Id });
        entry.HasOne<Sessions.Session>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
