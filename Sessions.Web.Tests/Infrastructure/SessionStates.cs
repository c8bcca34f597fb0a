using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>A fresh session of a fresh class, brought into a given status through the app's own services.</summary>
public sealed record ArrangedSession(AppUser Educator, AppUser Student, Session Session)
{
    public SessionActor Owner => TestData.ActorFor(Educator, AppRoles.Educator);
}

public static class SessionStates
{
    public static async Task<ArrangedSession> SessionInAsync(this SessionsAppFactory app, SessionStatus status)
    {
        var data = app.Data;
        var educator = await data.EducatorAsync();
        var student = await data.StudentAsync();
        var session = await data.SessionAsync(await data.ClassAsync(educator, student));
        var arranged = new ArrangedSession(educator, student, session);
        var owner = arranged.Owner;
        var sessions = app.Services.GetRequiredService<SessionService>();
        switch (status)
        {
            case SessionStatus.Cancelled:
                Assert.Null((await app.Services.GetRequiredService<SessionBookings>().CancelAsync(owner, session.Id, null, default)).Error);
                break;
            case SessionStatus.InProgress or SessionStatus.EndRequestPending or SessionStatus.Completed:
                Assert.Null((await sessions.StartAsync(owner, session.Id, default)).Error);
                break;
        }
        if (status == SessionStatus.EndRequestPending)
        {
            await using var db = await data.DbAsync();
            var summary = (await SessionSummary.FindAsync(db, session.Id, default))!;
            Assert.True(await app.Services.GetRequiredService<SessionTransitions>()
                .BeginWrapUpAsync(db, summary, app.Time.GetUtcNow().UtcDateTime, default));
        }
        if (status == SessionStatus.Completed)
        {
            Assert.Null((await sessions.EndAsync(owner, session.Id, default)).Error);
        }
        Assert.Equal(status, (await data.ReloadAsync(session.Id)).Status);
        return arranged;
    }
}
