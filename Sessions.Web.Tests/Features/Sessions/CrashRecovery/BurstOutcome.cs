namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>What became of one request: an answer (its status and ProblemDetails code), or a transport failure.</summary>
/// <param name="AfterKill">Whether the portal had already been killed when the answer or failure came in.</param>
internal sealed record BurstOutcome(BurstCall Call, int? Status, string? Code, bool AfterKill, string? Failure);
