using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.OpenApi;
using Sessions.Web.Infrastructure.RateLimiting;

namespace Sessions.Web.Features.Calendar;

public static class CalendarEndpoints
{
    public const string MyCalendarPath = "/api/me/calendar";
    public const string FeedPathPrefix = "/calendar/";
    public const string FeedExtension = ".ics";

    /// <summary>Calendar apps poll: five minutes of caching spares the database without leaving a change unseen for long.</summary>
    private const string FeedCacheControl = "private, max-age=300";

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        // Not an API resource (the document covers /api and the mobile start): calendar apps read it, and the README describes it.
        app.MapGet(FeedPathPrefix + "{token}" + FeedExtension, FeedAsync).AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.CalendarFeed)
            .ExcludeFromDescription();

        var mine = app.MapGroup(MyCalendarPath).WithTags("Calendar").RequireAuthorization();
        mine.MapGet("", MyFeedAsync)
            .WithSummary("My calendar feed's URL")
            .WithDescription("The caller's private feed URL (made on the first call). Anyone with the URL reads the caller's sessions: "
                + "renew it if it leaked.")
            .WithExamples(response: CalendarDocs.Feed);
        mine.MapPost("/renew", RenewAsync)
            .WithSummary("Renew my calendar feed's URL")
            .WithDescription("A new private feed URL; the old one answers 404 from now on (calendars subscribed to it stop updating).")
            .WithExamples(response: CalendarDocs.Feed);

        app.MapGet(SessionEndpoints.ApiGroup + "/{id}/calendar.ics", SessionFileAsync).WithTags("Calendar").RequireAuthorization()
            .AllowCookieDownload() // the "Add to calendar" links of the portal's pages
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesErrors(SessionErrors.NotFound, SessionErrors.NotMember)
            .DescribeParameter("id", "The session's id (a GUID).")
            .WithSummary("One session as an iCalendar file")
            .WithDescription("The session as a one-event RFC 5545 file (\"Add to calendar\"), with the same UID as in the feeds (members of its class).");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> FeedAsync(
        string token, HttpContext context, CalendarFeeds feeds, CalendarSessions sessions, TimeProvider time, CancellationToken ct)
    {
        var owner = await feeds.OwnerOfAsync(token, ct);
        if (owner is null)
        {
            return TypedResults.NotFound();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var entries = await sessions.ForUserAsync(owner, now - CalendarSessions.FeedPast, now + CalendarSessions.FeedAhead, ct);
        context.Response.Headers.CacheControl = FeedCacheControl;
        return Ics(CalendarDocument.Write(entries, SiteOf(context.Request), "Sessions"), "sessions.ics");
    }

    private static async Task<Ok<CalendarFeedDto>> MyFeedAsync(ClaimsPrincipal user, HttpRequest request, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(CalendarFeedDto.For(SiteOf(request), await feeds.TokenForAsync(SessionActor.From(user).UserId, ct)));

    private static async Task<Ok<CalendarFeedDto>> RenewAsync(ClaimsPrincipal user, HttpRequest request, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(CalendarFeedDto.For(SiteOf(request), await feeds.RenewAsync(SessionActor.From(user).UserId, ct)));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SessionFileAsync(
        Guid id, ClaimsPrincipal user, HttpRequest request, CalendarSessions sessions, CancellationToken ct)
    {
        var result = await sessions.OneAsync(SessionActor.From(user), id, ct);
        return result.Error is { } error
            ? error.ToProblem()
            : Ics(CalendarDocument.Write([result.Value!], SiteOf(request), result.Value!.Title), $"session-{id}.ics");
    }

    private static FileContentHttpResult Ics(string document, string fileName) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(document), CalendarDocument.ContentType, fileName);

    /// <summary>The portal's address as the caller reached it (the trusted proxy's, through the forwarded headers).</summary>
    public static Uri SiteOf(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");
}

/// <summary>The caller's private feed: subscribe to <c>url</c> in a calendar app.</summary>
public sealed record CalendarFeedDto(Uri Url)
{
    public static CalendarFeedDto For(Uri site, string token) =>
        new(new Uri(site, CalendarEndpoints.FeedPathPrefix.TrimStart('/') + token + CalendarEndpoints.FeedExtension));
}
