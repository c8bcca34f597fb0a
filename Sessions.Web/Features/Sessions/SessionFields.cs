namespace Sessions.Web.Features.Sessions;

/// <summary>The field names a session's <c>validation_failed</c> errors are keyed by: the API body's own names.</summary>
public static class SessionFields
{
    public const string ClassId = "classId";
    public const string Type = "type";
    public const string Title = "title";
    public const string Description = "description";
    public const string Start = "scheduledStartTime";
    public const string Duration = "durationMinutes";
    public const string MaxParticipants = "settings.maxParticipants";
    public const string Reason = "reason";
    public const string Minutes = "minutes";
}
