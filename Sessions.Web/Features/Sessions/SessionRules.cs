using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Sessions;

/// <summary>What a booked session's fields must be, for new sessions and changes alike; each broken rule names its field.</summary>
public static class SessionRules
{
    public static readonly TextRule Title = new(SessionFields.Title, "The title", Session.TitleMaxLength, Required: true);

    public static readonly TextRule Description = new(SessionFields.Description, "The description", Session.DescriptionMaxLength, MultiLine: true);

    public static readonly TextRule CancellationReason = new(SessionFields.Reason, "The reason", Session.CancellationReasonMaxLength, MultiLine: true);

    public static void CheckDuration(FieldErrors errors, int durationMinutes)
    {
        if (durationMinutes is < Session.MinDurationMinutes or > Session.MaxDurationMinutes)
        {
            errors.Add(SessionFields.Duration,
                $"The duration must be between {Session.MinDurationMinutes} and {Session.MaxDurationMinutes} minutes.");
        }
    }

    /// <summary>
    /// A scheduled start lies within the horizon (a bound on what is plausible at all), and at least <c>MinLeadMinutes</c>
    /// ahead; the minute that is running counts as now.
    /// </summary>
    public static void CheckStart(FieldErrors errors, DateTime startUtc, DateTime utcNow, SessionOptions options)
    {
        if (startUtc < utcNow.AddDays(-options.HorizonPastDays) || startUtc > utcNow.AddDays(options.HorizonFutureDays))
        {
            errors.Add(SessionFields.Start,
                $"The start time must be at most {Days(options.HorizonPastDays)} ago and at most {Days(options.HorizonFutureDays)} ahead.");
            return;
        }
        var minLead = options.MinLeadMinutes;
        if (startUtc < utcNow.AddTicks(-(utcNow.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(minLead))
        {
            errors.Add(SessionFields.Start, minLead == 0
                ? "The start time must not be in the past."
                : $"Sessions must be booked at least {minLead} minutes ahead.");
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

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
