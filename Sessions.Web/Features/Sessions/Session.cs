using System.Linq.Expressions;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;

namespace Sessions.Web.Features.Sessions;

public sealed class Session
{
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 240;
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 2000;

    public Guid Id { get; set; }
    public int ClassId { get; set; }
    public SchoolClass? Class { get; set; }
    public required string EducatorId { get; set; }
    public AppUser? Educator { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public SessionType Type { get; set; }
    public SessionStatus Status { get; set; }
    public DateTime ScheduledStartUtc { get; set; }
    public int DurationMinutes { get; set; }
    public DateTime? ActualStartUtc { get; set; }
    public DateTime? ActualEndUtc { get; set; }
    public required string ChannelName { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>In progress, or wrapping up: its room is open and its educator counts as live.</summary>
    public static readonly Expression<Func<Session, bool>> IsLive =
        s => s.Status == SessionStatus.InProgress || s.Status == SessionStatus.EndRequestPending;

    /// <summary>An Agora channel name (≤ 64 bytes, letters and digits) that no other session shares.</summary>
    public static string ChannelNameFor(Guid sessionId) => $"s-{sessionId:N}";

    public static Session Create(int classId, string educatorId, SessionType type, string title, string? description,
        DateTime startUtc, int durationMinutes, DateTime now)
    {
        var id = Guid.CreateVersion7();
        return new Session
        {
            Id = id,
            ClassId = classId,
            EducatorId = educatorId,
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Type = type,
            Status = SessionStatus.Scheduled,
            ScheduledStartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc),
            DurationMinutes = durationMinutes,
            ChannelName = ChannelNameFor(id),
            CreatedUtc = now,
        };
    }
}
