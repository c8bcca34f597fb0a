namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>The kinds of request in the burst.</summary>
internal enum BurstCall
{
    Start,
    End,
    Join,
    Leave,
    Instant,
}
