using Grpc.Core;

namespace Sessions.Web.Features.Notifications;

public static class FirestoreErrors
{
    /// <summary>
    /// Whether a failed call may succeed when retried later (spec §2): the service or the network was unavailable,
    /// slow, busy or confused, or the access token needs a refresh. Everything else (InvalidArgument, PermissionDenied,
    /// NotFound, FailedPrecondition, …) fails the same way again.
    /// </summary>
    public static bool IsTransient(StatusCode status) => status is
        StatusCode.Unavailable
        or StatusCode.DeadlineExceeded
        or StatusCode.ResourceExhausted
        or StatusCode.Aborted
        or StatusCode.Internal
        or StatusCode.Unknown
        or StatusCode.Unauthenticated;
}
