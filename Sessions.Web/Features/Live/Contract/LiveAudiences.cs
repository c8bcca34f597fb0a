namespace Sessions.Web.Features.Live.Contract;

/// <summary>How an audience reads in the contract: the groups it is sent to, and a sentence for people.</summary>
public static class LiveAudiences
{
    public static IReadOnlyList<string> Groups(this LiveAudience audience) => audience switch
    {
        LiveAudience.ClassAndEducator => [LiveGroups.ClassTemplate, LiveGroups.EducatorTemplate],
        LiveAudience.Teachers => [LiveGroups.EducatorTemplate],
        _ => [],
    };

    public static string Describe(this LiveAudience audience) => audience switch
    {
        LiveAudience.Connection => "Only the connection that just opened.",
        LiveAudience.User => "Every open connection of the user concerned (the student enrolled or removed).",
        LiveAudience.ClassAndEducator =>
            $"Groups `{LiveGroups.ClassTemplate}` (the class's enrolled students) and `{LiveGroups.EducatorTemplate}` (its educator). Admins hear nothing.",
        LiveAudience.Teachers =>
            $"Group `{LiveGroups.EducatorTemplate}` of each of the class's teachers (the session's educator and the class's co-educators): "
            + "never the class's students. Admins hear nothing.",
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
    };
}
