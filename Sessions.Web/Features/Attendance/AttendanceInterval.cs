namespace Sessions.Web.Features.Attendance;

/// <summary>One stretch of a participant's presence in a session's room; a participant may have several.</summary>
public sealed class AttendanceInterval
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public required string UserId { get; set; }
    public DateTime JoinedUtc { get; set; }

    /// <summary>Null while the participant is in the room.</summary>
    public DateTime? LeftUtc { get; set; }
}
