using System.Globalization;

namespace Sessions.Web.Infrastructure.Http;

/// <summary>
/// A refusal that passes with time (a rate limit, a lockout) says when to try again: in the problem's
/// <c>retryAfterSeconds</c> and, set from it when the problem is written, the <c>Retry-After</c> header.
/// </summary>
public static class RetryAfter
{
    public const string DetailKey = "retryAfterSeconds";

    /// <summary>Whole seconds, rounded up, at least one: "0" would invite an immediate retry.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    internal static void CopyToHeader(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Extensions.TryGetValue(DetailKey, out var seconds) && seconds is int value)
        {
            context.HttpContext.Response.Headers.RetryAfter = value.ToString(CultureInfo.InvariantCulture);
        }
    }
}
