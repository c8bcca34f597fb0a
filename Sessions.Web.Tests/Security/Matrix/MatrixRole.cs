namespace Sessions.Web.Tests.Security.Matrix;

/// <summary>Who asks, as the authorization matrix sees them: relative to the class and session a request is about.</summary>
public enum MatrixRole
{
    Anonymous,
    EnrolledStudent,
    OtherStudent,
    OwningEducator,

    /// <summary>A co-educator of the scene's class: teaches it beside its owner.</summary>
    CoEducator,
    OtherEducator,
    Admin,
}
