namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>The same class with everyone signed in to the portal: what the burst works with.</summary>
internal sealed record CastClass(SeededClass Seeded, string EducatorToken, IReadOnlyList<string> StudentTokens);
