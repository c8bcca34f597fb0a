namespace Sessions.Web.Features.Live.Contract;

/// <summary>
/// States, on each <see cref="ILiveClient"/> method, who receives the event and when it is sent. XML comments are gone at
/// run time; this is what the AsyncAPI document and the hub event matrix read, so the audience documented is the one tested.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LiveEventAttribute(LiveAudience audience, string summary) : Attribute
{
    public LiveAudience Audience { get; } = audience;

    /// <summary>When the event is sent, in one sentence.</summary>
    public string Summary { get; } = summary;
}

/// <summary>Who receives a hub event: the server alone puts connections in groups, clients never choose.</summary>
public enum LiveAudience
{
    /// <summary>Only the connection that just opened.</summary>
    Connection,

    /// <summary>Every open connection of the user the event is about.</summary>
    User,

    /// <summary>The class's group (its enrolled students) and its educator's group; admins are in no group.</summary>
    ClassAndEducator,

    /// <summary>
    /// Those who teach the class, each in their own educator group: the session's educator and the class's co-educators
    /// (whose connections share the students' class group, so it cannot carry this). Never the class's students.
    /// </summary>
    Teachers,
}
