namespace Sessions.Web.Features.Classes;

/// <summary>A completed session as the class's past sessions list shows it; <see cref="Enrolled"/> is the class's enrolment now.</summary>
public sealed record PastSession(Guid Id, string Title, DateTime StartedUtc, DateTime EndedUtc, int Attended, int Enrolled)
{
    public TimeSpan Duration => EndedUtc - StartedUtc;
}

/// <summary>One page of a class's past sessions, with the count of all.</summary>
public sealed record PastSessionPage(IReadOnlyList<PastSession> Items, int TotalCount);
