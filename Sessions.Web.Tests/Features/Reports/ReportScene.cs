using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Ratings;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Reports;

/// <summary>
/// One session run through the app's own services on the fake clock, every minute chosen so that the report's numbers
/// can be worked out by hand (S is the scheduled start; the session is booked S to S+60):
/// <list type="bullet">
/// <item>S+7 the educator starts it (7 minutes late); S+62 ends it (55 minutes).</item>
/// <item>Amal joins S+7, leaves S+27, rejoins S+30 until the end; a stay S+25 to S+35 overlaps both (a reconnect from a
/// second device): 3 joins, 55 minutes (S+7 to S+62 once), punctual.</item>
/// <item>Dana joins S+12 (5 minutes after the start: still punctual), leaves S+20, is back S+50 to S+55: 2 joins, 13 minutes.</item>
/// <item>Badr joins S+15 (8 minutes after: late), leaves S+40: 1 join, 25 minutes; logs an issue at S+16.</item>
/// <item>Carim never joins.</item>
/// <item>Chat: the educator 2 messages, Amal 3 of which the educator deletes 1, Badr 1.</item>
/// <item>Ratings: Amal's (5; 4, 5, 3, 4) and Badr's (2; 3, 3, 3, 3) approved, Dana's pending.</item>
/// </list>
/// </summary>
public sealed record ReportScene(
    AppUser Educator, AppUser Amal, AppUser Badr, AppUser Carim, AppUser Dana, AppUser Admin, Guid SessionId, DateTime ScheduledStart)
{
    public const string IssueText = "I can't hear the teacher.";

    public string ReportUrl => $"/api/sessions/{SessionId}/report";

    public DateTime At(double minutes) => ScheduledStart.AddMinutes(minutes);

    public static async Task<ReportScene> RunAsync(SessionsAppFactory app)
    {
        var data = app.Data;
        var educator = await data.EducatorAsync("Ms. Nasser");
        var amal = await data.StudentAsync("Amal");
        var badr = await data.StudentAsync("Badr");
        var carim = await data.StudentAsync("Carim");
        var dana = await data.StudentAsync("Dana");
        var adminUser = await data.AdminAsync();
        var session = await data.SessionAsync(await data.ClassAsync(educator, amal, badr, carim, dana), durationMinutes: 60);
        var scene = new ReportScene(educator, amal, badr, carim, dana, adminUser, session.Id, session.ScheduledStartUtc);
        var teacher = TestData.ActorFor(educator, AppRoles.Educator);
        var admin = TestData.ActorFor(adminUser, AppRoles.Admin);
        var (a, b, d) = (TestData.ActorFor(amal, AppRoles.Student), TestData.ActorFor(badr, AppRoles.Student), TestData.ActorFor(dana, AppRoles.Student));
        var sessions = app.Services.GetRequiredService<SessionService>();
        var rooms = app.Services.GetRequiredService<RoomService>();
        var chat = app.Services.GetRequiredService<ChatService>();
        var log = app.Services.GetRequiredService<ActivityLog>();

        scene.AdvanceTo(app, 7);
        Assert.Null((await sessions.StartAsync(teacher, session.Id, default)).Error);
        await JoinAsync(rooms, a, session.Id);
        await SayAsync(chat, teacher, session.Id, "Welcome");
        scene.AdvanceTo(app, 12);
        await JoinAsync(rooms, d, session.Id);
        scene.AdvanceTo(app, 15);
        await JoinAsync(rooms, b, session.Id);
        scene.AdvanceTo(app, 16);
        Assert.Null((await log.WriteAsync(b, session.Id, new WriteActivityRequest(ActivityKinds.Issue, IssueText), default)).Error);
        Assert.Null((await log.WriteAsync(teacher, session.Id, new WriteActivityRequest(ActivityKinds.Note, "Fixed the microphone"), default)).Error);
        await SayAsync(chat, a, session.Id, "Question 1");
        var deleted = await SayAsync(chat, a, session.Id, "Oops");
        Assert.Null((await chat.DeleteAsync(teacher, session.Id, deleted, default)).Error);
        await SayAsync(chat, b, session.Id, "Better now");
        scene.AdvanceTo(app, 20);
        await rooms.LeaveAsync(d, session.Id, default);
        scene.AdvanceTo(app, 27);
        await rooms.LeaveAsync(a, session.Id, default);
        scene.AdvanceTo(app, 30);
        await JoinAsync(rooms, a, session.Id);
        await SayAsync(chat, a, session.Id, "Question 2");
        await SayAsync(chat, teacher, session.Id, "Answer 2");
        scene.AdvanceTo(app, 40);
        await rooms.LeaveAsync(b, session.Id, default);
        scene.AdvanceTo(app, 50);
        await JoinAsync(rooms, d, session.Id);
        scene.AdvanceTo(app, 55);
        await rooms.LeaveAsync(d, session.Id, default);
        scene.AdvanceTo(app, 62);
        Assert.Null((await sessions.EndAsync(teacher, session.Id, default)).Error);
        // The overlapping stay: the room opens one stay per person at a time, so a second device's stay is stored as it
        // would have been recorded, beside the others.
        await using (var db = await data.DbAsync())
        {
            db.Attendance.Add(new AttendanceInterval { SessionId = session.Id, UserId = amal.Id, JoinedUtc = scene.At(25), LeftUtc = scene.At(35) });
            await db.SaveChangesAsync();
        }

        var ratings = app.Services.GetRequiredService<SessionRatings>();
        var amalRating = await ratings.SubmitAsync(a, session.Id, new SubmitRatingRequest(5, new RatingCriteriaRequest(4, 5, 3, 4), null, false), default);
        var badrRating = await ratings.SubmitAsync(b, session.Id, new SubmitRatingRequest(2, new RatingCriteriaRequest(3, 3, 3, 3), null, true), default);
        Assert.Null((await ratings.SubmitAsync(d, session.Id, new SubmitRatingRequest(1, new RatingCriteriaRequest(1, 1, 1, 1), null, false), default)).Error);
        Assert.Null((await ratings.ApproveAsync(admin, amalRating.Value!.Id, default)).Error);
        Assert.Null((await ratings.ApproveAsync(admin, badrRating.Value!.Id, default)).Error);
        return scene;
    }

    private void AdvanceTo(SessionsAppFactory app, double minutes) => app.Time.SetUtcNow(new DateTimeOffset(At(minutes), TimeSpan.Zero));

    private static async Task JoinAsync(RoomService rooms, SessionActor actor, Guid sessionId) =>
        Assert.Null((await rooms.JoinAsync(actor, sessionId, default)).Error);

    private static async Task<long> SayAsync(ChatService chat, SessionActor actor, Guid sessionId, string text)
    {
        var sent = await chat.SendAsync(actor, sessionId, new SendChatMessageRequest(Guid.NewGuid(), text, []), default);
        Assert.Null(sent.Error);
        return sent.Value!.Id;
    }
}
