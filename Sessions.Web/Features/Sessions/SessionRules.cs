using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions;

/// <summary>What a booked session's fields must be, for new sessions and changes alike; each broken rule names its field.</summary>
public static class SessionRules
{
    public static void CheckTitle(FieldErrors errors, string? title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > Session.TitleMaxLength)
        {
            errors.Add(SessionFields.Title, $"A title of 1 to {Session.TitleMaxLength} characters is required.");
        }
    }

    public static void CheckDescription(FieldErrors errors, string? description)
    {
        if (description?.Trim().Length > Session.DescriptionMaxLength)
        {
            errors.Add(SessionFields.Description, $"The description may have at most {Session.DescriptionMaxLength} characters.");
        }
    }

    public static void CheckDuration(FieldErrors errors, int durationMinutes)
    {
        if (durationMinutes is < Session.MinDurationMinutes or > Session.MaxDurationMinutes)
        {
            errors.Add(SessionFields.Duration,
                $"The duration must be between {Session.MinDurationMinutes} and {Session.MaxDurationMinutes} minutes.");
        }
    }

    /// <summary>A scheduled start lies at least <c>MinLeadMinutes</c> ahead; the minute that is running counts as now.</summary>
    public static void CheckStart(FieldErrors errors, DateTime startUtc, DateTime utcNow, int minLeadMinutes)
    {
        var earliest = utcNow.AddTicks(-(utcNow.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(minLeadMinutes);
        if (startUtc < earliest)
        {
            errors.Add(SessionFields.Start, minLeadMinutes == 0
                ? "The start time must not be in the past."
                : $"Sessions must be booked at least {minLeadMinutes} minutes ahead.");
        }
    }

    public static void CheckSettings(FieldErrors errors, SessionSettingOverrides? settings) =>
        CheckMaxParticipants(errors, SessionFields.MaxParticipants, settings?.MaxParticipants);

    public static void CheckMaxParticipants(FieldErrors errors, string field, int? maxParticipants)
    {
        if (maxParticipants is < SessionSettings.MinParticipants or > SessionSettings.MaxParticipantsLimit)
        {
            errors.Add(field,
                $"The maximum number of students must be between {SessionSettings.MinParticipants} and {SessionSettings.MaxParticipantsLimit}.");
        }
    }

    public static void CheckCancellationReason(FieldErrors errors, string? reason)
    {
        if (reason?.Trim().Length > Session.CancellationReasonMaxLength)
        {
            errors.Add(SessionFields.Reason, $"The reason may have at most {Session.CancellationReasonMaxLength} characters.");
        }
    }

    /// <summary>Trimmed text, or null for nothing but white space.</summary>
    public static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
