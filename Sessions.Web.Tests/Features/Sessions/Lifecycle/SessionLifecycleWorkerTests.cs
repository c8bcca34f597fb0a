using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

/// <summary>
/// The transitions time makes, run by the real background worker on a fake clock: missed sessions are cancelled, a live
/// session wraps up at its booked end and completes when the wrap-up runs out, and a restart at any point catches up.
/// </summary>
public sealed class SessionLifecycleWorkerTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan WrapUp = TimeSpan.FromMinutes(2);
    private readonly LifecycleWorkerApp _worker = new();
    private AppUser _educator = default!;
    private SchoolClass _class = default!;

    public async Task InitializeAsync()
    {
        await _worker.StartAsync();
        _educator = await _worker.App.Data.EducatorAsync();
        _class = await _worker.App.Data.ClassAsync(_educator, await _worker.App.Data.StudentAsync());
        _worker.Follow(LiveGroups.ForClass(_class.Id));
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _worker.DisposeAsync();

    [Fact]
    public async Task A_session_whose_window_closes_unstarted_is_cancelled_as_missed_with_no_notifier_write()
    {
        var session = await _worker.App.Data.SessionAsync(_class, startsIn: TimeSpan.FromMinutes(10), durationMinutes: 30);
        var closes = session.ScheduledStartUtc.AddMinutes(30);

        _worker.Time.Advance(TimeSpan.FromMinutes(40));

        var cancelled = await _worker.WhenAsync(session.Id, SessionStatus.Cancelled);
        Assert.Equal((Session.MissedReason, closes), (cancelled.CancellationReason, cancelled.CancelledUtc));
        var heard = Assert.IsType<SessionCancelledMessage>(Assert.Single(_worker.Heard));
        Assert.Equal((session.Id, Session.MissedReason), (heard.SessionId, heard.Reason));
        Assert.Empty(await _worker.OutboxOfAsync(session.Id));
        var logged = (await LogOfAsync(session.Id)).Last();
        Assert.Equal((ActivityKinds.SessionCancelled, null, closes), (logged.Kind, logged.ActorId, logged.AtUtc));
        Assert.Contains(Session.MissedReason, logged.Data);
    }

    [Fact]
    public async Task At_the_booked_end_a_live_session_wraps_up_then_completes_when_the_countdown_ends()
    {
        var session = await StartInstantAsync(durationMinutes: 5);
        var bookedEnd = session.ActualStartUtc!.Value.AddMinutes(5);

        _worker.Time.Advance(TimeSpan.FromMinutes(5));
        var wrapping = await _worker.WhenAsync(session.Id, SessionStatus.EndRequestPending);
        _worker.Time.Advance(WrapUp);
        var completed = await _worker.WhenAsync(session.Id, SessionStatus.Completed);

        Assert.Equal(bookedEnd + WrapUp, wrapping.WrapUpEndsUtc);
        Assert.Equal(bookedEnd + WrapUp, completed.ActualEndUtc);
        Assert.Collection(_worker.Heard,
            e => Assert.IsType<SessionStartedMessage>(e),
            e => Assert.Equal(bookedEnd + WrapUp, Assert.IsType<SessionWrapUpMessage>(e).EndsAt.UtcDateTime),
            e => Assert.Equal(bookedEnd + WrapUp, Assert.IsType<SessionEndedMessage>(e).ActualEndDate.UtcDateTime));
        Assert.Equal([NotificationKind.SessionStarted, NotificationKind.SessionEnded], (await _worker.OutboxOfAsync(session.Id)).Select(m => m.Kind));
        // The clock's transitions are the system's on the log, each at the moment it took effect.
        var log = await LogOfAsync(session.Id);
        Assert.Equal([ActivityKinds.SessionStarted, ActivityKinds.WrapUpBegun, ActivityKinds.SessionEnded], log.Select(e => e.Kind));
        Assert.Equal([_educator.Id, null, null], log.Select(e => e.ActorId));
        Assert.Equal([bookedEnd, bookedEnd + WrapUp], log.Skip(1).Select(e => e.AtUtc));
    }

    private async Task<List<ActivityEntry>> LogOfAsync(Guid sessionId)
    {
        await using var db = await _worker.App.Data.DbAsync();
        return await db.ActivityEntries.Where(e => e.SessionId == sessionId).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Completing_at_the_end_of_the_wrap_up_closes_the_stays_still_open_as_of_that_end()
    {
        var data = _worker.App.Data;
        var student = await data.StudentAsync();
        var schoolClass = await data.ClassAsync(await data.EducatorAsync(), student);
        var session = await StartInstantAsync(durationMinutes: 5, schoolClass);
        Assert.Null((await _worker.App.Services.GetRequiredService<RoomService>()
            .JoinAsync(TestData.ActorFor(student, AppRoles.Student), session.Id, CancellationToken.None)).Error);

        _worker.Time.Advance(TimeSpan.FromMinutes(5));
        await _worker.WhenAsync(session.Id, SessionStatus.EndRequestPending);
        _worker.Time.Advance(WrapUp);
        var completed = await _worker.WhenAsync(session.Id, SessionStatus.Completed);

        await using var db = await data.DbAsync();
        var stay = await db.Attendance.SingleAsync(a => a.SessionId == session.Id);
        Assert.Equal(completed.ActualEndUtc, stay.LeftUtc);
    }

    [Fact]
    public async Task The_educator_confirming_the_end_during_wrap_up_completes_it_once()
    {
        var session = await StartInstantAsync(durationMinutes: 5);
        _worker.Time.Advance(TimeSpan.FromMinutes(6));
        await _worker.WhenAsync(session.Id, SessionStatus.EndRequestPending);

        var ended = await _worker.App.Services.GetRequiredService<SessionService>()
            .EndAsync(TestData.ActorFor(_educator, AppRoles.Educator), session.Id, CancellationToken.None);
        _worker.Time.Advance(WrapUp);
        await _worker.App.Services.GetRequiredService<SessionDeadlines>().ApplyDueAsync(CancellationToken.None);

        Assert.Equal(_worker.Time.GetUtcNow().UtcDateTime - WrapUp, ended.Value!.ActualEndUtc);
        Assert.Equal(ended.Value.ActualEndUtc, (await _worker.ReadAsync(session.Id)).ActualEndUtc);
        Assert.Single(_worker.Heard.OfType<SessionEndedMessage>());
        Assert.Single(await _worker.OutboxOfAsync(session.Id), m => m.Kind == NotificationKind.SessionEnded);
    }

    [Fact]
    public async Task Manual_ends_racing_the_worker_make_one_transition_each()
    {
        var sessions = new List<Session>();
        foreach (var schoolClass in await ClassesAsync(8))
        {
            sessions.Add(await StartInstantAsync(durationMinutes: 5, schoolClass));
        }
        _worker.Time.Advance(TimeSpan.FromMinutes(5));
        foreach (var session in sessions)
        {
            await _worker.WhenAsync(session.Id, SessionStatus.EndRequestPending);
        }

        _worker.Time.Advance(WrapUp);
        var services = _worker.App.Services;
        await Task.WhenAll(sessions.Select(s => Task.Run(() =>
            services.GetRequiredService<SessionService>().EndAsync(TestData.ActorFor(_educator, AppRoles.Admin), s.Id, CancellationToken.None)))
            .Concat<Task>([Task.Run(() => services.GetRequiredService<SessionDeadlines>().ApplyDueAsync(CancellationToken.None))]));

        foreach (var session in sessions)
        {
            Assert.Equal(SessionStatus.Completed, (await _worker.ReadAsync(session.Id)).Status);
            Assert.Single(_worker.Heard.OfType<SessionEndedMessage>(), e => e.SessionId == session.Id);
            Assert.Single(await _worker.OutboxOfAsync(session.Id), m => m.Kind == NotificationKind.SessionEnded);
        }
    }

    [Fact]
    public async Task After_a_restart_a_missed_session_is_cancelled_as_of_its_window_close()
    {
        var session = await _worker.App.Data.SessionAsync(_class, startsIn: TimeSpan.FromMinutes(10), durationMinutes: 30);

        await _worker.StopAsync();
        _worker.Time.Advance(TimeSpan.FromHours(3));
        await _worker.StartAsync();

        var cancelled = await _worker.WhenAsync(session.Id, SessionStatus.Cancelled);
        Assert.Equal(session.ScheduledStartUtc.AddMinutes(30), cancelled.CancelledUtc);
    }

    [Fact]
    public async Task After_a_restart_past_the_booked_end_the_wrap_up_runs_from_the_booked_end()
    {
        var session = await StartInstantAsync(durationMinutes: 5);

        await _worker.StopAsync();
        _worker.Time.Advance(TimeSpan.FromMinutes(6));
        await _worker.StartAsync();

        var wrapping = await _worker.WhenAsync(session.Id, SessionStatus.EndRequestPending);
        Assert.Equal(session.ActualStartUtc!.Value.AddMinutes(5) + WrapUp, wrapping.WrapUpEndsUtc);
    }

    [Fact]
    public async Task After_a_restart_during_wrap_up_the_session_completes_as_of_the_wrap_up_end()
    {
        var session = await StartInstantAsync(durationMinutes: 5);
        _worker.Time.Advance(TimeSpan.FromMinutes(5));
        var wrapping = await _worker.WhenAsync(session.Id, SessionStatus.EndRequestPending);

        await _worker.StopAsync();
        _worker.Time.Advance(TimeSpan.FromMinutes(30));
        await _worker.StartAsync();

        var completed = await _worker.WhenAsync(session.Id, SessionStatus.Completed);
        Assert.Equal(wrapping.WrapUpEndsUtc, completed.ActualEndUtc);
        Assert.Single(await _worker.OutboxOfAsync(session.Id), m => m.Kind == NotificationKind.SessionEnded && m.EndedAtUtc == completed.ActualEndUtc);
    }

    [Fact]
    public async Task After_a_long_outage_a_live_session_goes_through_wrap_up_and_completion_in_one_catch_up()
    {
        var session = await StartInstantAsync(durationMinutes: 5);

        await _worker.StopAsync();
        _worker.Time.Advance(TimeSpan.FromHours(2));
        await _worker.StartAsync();

        var completed = await _worker.WhenAsync(session.Id, SessionStatus.Completed);
        var wrapUpEnd = session.ActualStartUtc!.Value.AddMinutes(5) + WrapUp;
        Assert.Equal((wrapUpEnd, wrapUpEnd), (completed.WrapUpEndsUtc, completed.ActualEndUtc));
        Assert.Equal([NotificationKind.SessionStarted, NotificationKind.SessionEnded], (await _worker.OutboxOfAsync(session.Id)).Select(m => m.Kind));
    }

    private async Task<Session> StartInstantAsync(int durationMinutes, SchoolClass? schoolClass = null)
    {
        // Another educator's class is started as an admin would.
        var actor = TestData.ActorFor(_educator, schoolClass is null ? AppRoles.Educator : AppRoles.Admin);
        var created = await _worker.App.Services.GetRequiredService<SessionBookings>().CreateAsync(actor,
            new NewSession((schoolClass ?? _class).Id, SessionType.Instant, "Review", null, null, durationMinutes), CancellationToken.None);
        Assert.Null(created.Error);
        return await _worker.ReadAsync(created.Value!.Id);
    }

    /// <summary>One educator has one live session at a time, so racing sessions each get an educator and class of their own.</summary>
    private async Task<List<SchoolClass>> ClassesAsync(int count)
    {
        var classes = new List<SchoolClass>();
        for (var i = 0; i < count; i++)
        {
            var data = _worker.App.Data;
            var schoolClass = await data.ClassAsync(await data.EducatorAsync(), await data.StudentAsync());
            _worker.Follow(LiveGroups.ForClass(schoolClass.Id));
            classes.Add(schoolClass);
        }
        return classes;
    }
}
