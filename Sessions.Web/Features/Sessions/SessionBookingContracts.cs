using Sessions.Web.Features.Sessions.Series;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

/// <summary>
/// Body of <c>POST /api/sessions</c>. Nothing is marked required here: the service checks every field at once, so one
/// answer names all that is wrong, with the same field names as the body.
/// </summary>
public sealed record CreateSessionBody(
    int? ClassId,
    string? Title,
    string? Description,
    string? Type,
    string? ScheduledStartTime,
    int? DurationMinutes,
    SessionSettingsBody? Settings,
    RecurrenceBody? Recurrence = null)
{
    /// <summary>The service's request (and the series' rule, if any), or the fields that could not even be read.</summary>
    public Result<NewBooking> ToRequest()
    {
        var errors = new FieldErrors();
        if (ClassId is null)
        {
            errors.Add(SessionFields.ClassId, "classId is required.");
        }
        if (DurationMinutes is null)
        {
            errors.Add(SessionFields.Duration, "durationMinutes is required.");
        }
        var type = Type switch
        {
            "scheduled" => SessionType.Scheduled,
            "instant" => SessionType.Instant,
            _ => (SessionType?)null,
        };
        if (type is null)
        {
            errors.Add(SessionFields.Type, "The type must be \"scheduled\" or \"instant\".");
        }
        var start = ApiTime.ReadInstant(errors, SessionFields.Start, ScheduledStartTime);
        var recurrence = Recurrence?.Read(errors);
        return errors.ToError() is { } unreadable
            ? unreadable
            : new NewBooking(new NewSession(ClassId!.Value, type!.Value, Title, Description, start, DurationMinutes!.Value, Settings?.ToOverrides()),
                recurrence);
    }
}


/// <summary>Body of <c>PATCH /api/sessions/{id}</c>: what is left out stays as it is.</summary>
public sealed record UpdateSessionBody(
    string? Title,
    string? Description,
    string? ScheduledStartTime,
    int? DurationMinutes,
    SessionSettingsBody? Settings)
{
    public Result<SessionChanges> ToChanges()
    {
        var errors = new FieldErrors();
        var start = ApiTime.ReadInstant(errors, SessionFields.Start, ScheduledStartTime);
        return errors.ToError() is { } unreadable
            ? unreadable
            : new SessionChanges(Title, Description, start, DurationMinutes, Settings?.ToOverrides());
    }
}

/// <summary>A session's own settings; a member left out (or null) follows the class default.</summary>
public sealed record SessionSettingsBody(bool? ChatEnabled, int? MaxParticipants, bool? StudentMediaEnabled, bool? RecordingEnabled)
{
    public SessionSettingOverrides ToOverrides() => new(ChatEnabled, MaxParticipants, StudentMediaEnabled, RecordingEnabled);
}

/// <summary>Body of <c>POST /api/sessions/{id}/cancel</c> (optional).</summary>
public sealed record CancelSessionBody(string? Reason);

/// <summary>How many minutes to extend a live session by: 5, 10 or 15.</summary>
public sealed record ExtendSessionBody(int? Minutes);
