using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Administration.Overview;

/// <summary>
/// A school for the overview's tests, over an app of their own (the overview counts every session of the school): each test
/// starts with no session at all and the clock at the next noon UTC, so "today" is the same day in every zone used here.
/// </summary>
public sealed class OverviewSchool(SessionsAppFactory app)
{
    public async Task<DateTime> StartDayAtNoonUtcAsync()
    {
        await using (var db = await app.Data.DbAsync())
        {
            await db.Sessions.ExecuteDeleteAsync();
        }
        var now = app.Time.GetUtcNow();
        var noon = new DateTimeOffset(now.UtcDateTime.Date.AddHours(12), TimeSpan.Zero);
        app.Time.Advance((noon > now ? noon : noon.AddDays(1)) - now);
        return app.Time.GetUtcNow().UtcDateTime;
    }

    /// <summary>A scheduled session of a class of its own (its own educator, one student), starting <paramref name="startsIn"/> from now.</summary>
    public async Task<ArrangedSession> ScheduledAsync(TimeSpan startsIn, int durationMinutes = 60)
    {
        var educator = await app.Data.EducatorAsync($"Teacher {Guid.NewGuid():N}"[..16]);
        var student = await app.Data.StudentAsync();
        var session = await app.Data.SessionAsync(await app.Data.ClassAsync(educator, student), startsIn, durationMinutes);
        return new ArrangedSession(educator, student, session);
    }

    /// <summary>A session its educator started (its window opened a few minutes ago).</summary>
    public async Task<ArrangedSession> LiveAsync()
    {
        var live = await ScheduledAsync(TimeSpan.FromMinutes(-5));
        Assert.Null((await app.Services.GetRequiredService<SessionService>().StartAsync(live.Owner, live.Session.Id, default)).Error);
        return live;
    }

    /// <summary>Its student enters its room, or whoever <paramref name="actor"/> is.</summary>
    public async Task JoinAsync(ArrangedSession session, SessionActor? actor = null) =>
        Assert.Null((await app.Services.GetRequiredService<RoomService>()
            .JoinAsync(actor ?? TestData.ActorFor(session.Student, AppRoles.Student), session.Session.Id, default)).Error);

    /// <summary>The lifecycle's pass: scheduled sessions whose window closed are cancelled as missed.</summary>
    public Task ApplyDeadlinesAsync() => app.Services.GetRequiredService<SessionDeadlines>().ApplyDueAsync(default);
}
