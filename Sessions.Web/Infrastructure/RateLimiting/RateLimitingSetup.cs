using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.RateLimiting;

public static partial class RateLimitingSetup
{
    /// <summary>A concurrency limit frees up when someone disconnects; this is the wait a refusal suggests.</summary>
    private static readonly TimeSpan ConcurrencyRetryAfter = TimeSpan.FromSeconds(10);

    public static IHostApplicationBuilder AddSessionsRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            // Only the form post checks a password; showing the form costs nothing.
            limiter.AddPolicy(RateLimitPolicies.SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? PerMinute(context, o => o.SignInPerMinute)
                : RateLimitPartition.GetNoLimiter(""));
            limiter.AddPolicy(RateLimitPolicies.TokenRefresh, context => PerMinute(context, o => o.RefreshPerMinute));
            limiter.AddPolicy(RateLimitPolicies.TokenRenewal, context => PerMinute(context, o => o.TokenRenewalsPerMinute));
            limiter.AddPolicy(RateLimitPolicies.RoomEntry, context => PerMinute(context, o => o.RoomEntriesPerMinute));
            limiter.AddPolicy(RateLimitPolicies.SessionCreation, context => PerMinute(context, o => o.SessionCreationsPerMinute));
            limiter.AddPolicy(RateLimitPolicies.ChatUpload, context => PerMinute(context, o => o.ChatUploadsPerMinute));
            limiter.AddPolicy(RateLimitPolicies.CalendarFeed, context => PerMinute(context, o => o.CalendarFeedsPerMinute));
            limiter.AddPolicy(RateLimitPolicies.HubConnections, context => RateLimitPartition.GetConcurrencyLimiter(
                CallerOf(context),
                _ => new ConcurrencyLimiterOptions { PermitLimit = OptionsOf(context).HubConnectionsPerUser, QueueLimit = 0 }));
        });
        return builder;
    }

    /// <summary>A token bucket that refills evenly over the minute, so a caller who waits a little gets one more try.</summary>
    private static RateLimitPartition<string> PerMinute(HttpContext context, Func<RateLimitOptions, int> perMinute)
    {
        var limit = perMinute(OptionsOf(context));
        return RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / limit,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>The signed-in account, or the client's address for anonymous callers.</summary>
    private static string CallerOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? $"user:{userId}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    private static RateLimitOptions OptionsOf(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : ConcurrencyRetryAfter;
        var logger = context.RequestServices.GetRequiredService<ILogger<RateLimitOptions>>();
        LogRejected(logger, context.Request.Method, context.Request.Path);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "Too many requests of this kind in a short time: wait a moment and try again.",
                Extensions =
                {
                    [ProblemResults.CodeKey] = ErrorCodes.RateLimited,
                    [RetryAfter.DetailKey] = RetryAfter.Seconds(wait),
                },
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rate limited {Method} {Path}")]
    private static partial void LogRejected(ILogger logger, string method, PathString path);
}
