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
            errors.Add(SessionFields.Duration, FieldMessage.Of("duration_out_of_range",
                $"The duration must be between {Session.MinDurationMinutes} and {Session.MaxDurationMinutes} minutes.",
                ("min", Session.MinDurationMinutes), ("max", Session.MaxDurationMinutes)));
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
            errors.Add(SessionFields.Start, FieldMessage.Of("start_beyond_horizon",
                $"The start time must be at most {Days(options.HorizonPastDays)} ago and at most {Days(options.HorizonFutureDays)} ahead.",
                ("past", options.HorizonPastDays), ("future", options.HorizonFutureDays)));
            return;
        }
        var minLead = options.MinLeadMinutes;
        if (startUtc < utcNow.AddTicks(-(utcNow.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(minLead))
        {
            errors.Add(SessionFields.Start, minLead == 0
                ? FieldMessage.Of("start_in_past", "The start time must not be in the past.")
                : FieldMessage.Of("start_too_soon", $"Sessions must be booked at least {minLead} minutes ahead.", ("minutes", minLead)));
        }
    }

    public static void CheckSettings(FieldErrors errors, SessionSettingOverrides? settings) =>
        CheckMaxParticipants(errors, SessionFields.MaxParticipants, settings?.MaxParticipants);

    public static void CheckMaxParticipants(FieldErrors errors, string field, int? maxParticipants)
    {
        if (maxParticipants is < SessionSettings.MinParticipants or > SessionSettings.MaxParticipantsLimit)
        {
            errors.Add(field, FieldMessage.Of("max_participants_out_of_range",
                $"The maximum number of students must be between {SessionSettings.MinParticipants} and {SessionSettings.MaxParticipantsLimit}.",
                ("min", SessionSettings.MinParticipants), ("max", SessionSettings.MaxParticipantsLimit)));
        }
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
