using Grpc.Core;
using Sessions.Web.Features.Notifications;

namespace Sessions.Web.Tests.Features.Notifications;

public sealed class FirestoreErrorsTests
{
    public static TheoryData<StatusCode, bool> EveryStatus => new()
    {
        { StatusCode.OK, false },
        { StatusCode.Cancelled, false },
        { StatusCode.Unknown, true },
        { StatusCode.InvalidArgument, false },
        { StatusCode.DeadlineExceeded, true },
        { StatusCode.NotFound, false },
        { StatusCode.AlreadyExists, false },
        { StatusCode.PermissionDenied, false },
        { StatusCode.ResourceExhausted, true },
        { StatusCode.FailedPrecondition, false },
        { StatusCode.Aborted, true },
        { StatusCode.OutOfRange, false },
        { StatusCode.Unimplemented, false },
        { StatusCode.Internal, true },
        { StatusCode.Unavailable, true },
        { StatusCode.DataLoss, false },
        { StatusCode.Unauthenticated, true },
    };

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Only_failures_that_may_pass_on_a_later_try_are_transient(StatusCode status, bool transient)
    {
        Assert.Equal(transient, FirestoreErrors.IsTransient(status));
    }

    [Fact]
    public void Every_status_code_is_classified_by_a_test()
    {
        Assert.Equal(Enum.GetValues<StatusCode>().Order(), EveryStatus.Select(row => (StatusCode)row[0]).Order());
    }
}
