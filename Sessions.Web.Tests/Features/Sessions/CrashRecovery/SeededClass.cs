namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>One educator's class as seeded: who signs in, and the sessions open to start now.</summary>
internal sealed record SeededClass(string EducatorId, string EducatorEmail, int ClassId, IReadOnlyList<Guid> SessionIds,
    IReadOnlyList<string> StudentEmails);
