using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Features.Sessions.Lifecycle;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Extend;

/// <summary>The lifecycle worker, on a fake clock, wraps an extended session up at its new end, not its old one.</summary>
public sealed class ExtendedWrapUpTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan WrapUp = TimeSpan.FromMinutes(2);
    private readonly LifecycleWorkerApp _worker = new();
    private SessionActor _educator = default!;
    private SchoolClass _class = default!;

    public async Task InitializeAsync()
    {
        await _worker.StartAsync();
        var educator = await _worker.App.Data.EducatorAsync();
        _educator = TestData.ActorFor(educator, AppRoles.Educator);
        _class = await _worker.App.Data.ClassAsync(educator, await _worker.App.Data.StudentAsync());
        _worker.Follow(LiveGroups.ForClass(_class.Id));
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _worker.DisposeAsync();

    private SessionService Sessions => _worker.App.Services.GetRequiredService<SessionService>();

    [Fact]
    public async Task Extended_by_10_minutes_it_does_not_wrap_up_at_the_old_end_but_at_the_new_one()
    {
        var session = await StartAsync(durationMinutes: 5);
        Assert.Null((await Sessions.ExtendAsync(_educator, session.Id, 10, CancellationToken.None)).Error);

        _worker.Time.Advance(TimeSpan.FromMinutes(5));
        // The worker's own pass at the old end, made here so the test knows it ran: nothing is due.
        Assert.Equal(0, await _worker.App.Services.GetRequiredService<SessionDeadlines>().ApplyDueAsync(CancellationToken.None));
        Assert.Equal(SessionStatus.InProgress, (await _worker.ReadAsync(session.Id)).Status);

        _worker.Time.Advance(TimeSpan.FromMinutes(10));
        var wrapping = await _worker.WhenAsync(session.Id, SessionStatus.EndRequestPending);

        var newEnd = session.ActualStartUtc!.Value.AddMinutes(15);
        Assert.Equal(newEnd + WrapUp, wrapping.WrapUpEndsUtc);
        Assert.Equal(newEnd + WrapUp, _worker.Heard.OfType<SessionWrapUpMessage>().Single().EndsAt.UtcDateTime);
    }

    [Fact]
    public async Task Extending_during_the_wrap_up_stops_it_and_it_begins_again_at_the_new_end()
    {
        var session = await StartAsync(durationMinutes: 5);
        _worker.Time.Advance(TimeSpan.FromMinutes(5));
        await _worker.WhenAsync(session.Id, SessionStatus.EndRequestPending);

        var extended = await Sessions.ExtendAsync(_educator, session.Id, 5, CancellationToken.None);

        Assert.Equal((SessionStatus.InProgress, null), (extended.Value!.Status, extended.Value.WrapUpEndsUtc));
        var newEnd = session.ActualStartUtc!.Value.AddMinutes(10);
        Assert.Equal(newEnd, _worker.Heard.OfType<SessionExtendedMessage>().Single().ScheduledEnd.UtcDateTime);
        _worker.Time.Advance(WrapUp);
        Assert.Equal(0, await _worker.App.Services.GetRequiredService<SessionDeadlines>().ApplyDueAsync(CancellationToken.None));
        Assert.Equal(SessionStatus.InProgress, (await _worker.ReadAsync(session.Id)).Status);
        _worker.Time.Advance(TimeSpan.FromMinutes(3));
        var again = await _worker.WhenAsync(session.Id, SessionStatus.EndRequestPending);
        Assert.Equal(newEnd + WrapUp, again.WrapUpEndsUtc);
    }

    private async Task<Session> StartAsync(int durationMinutes)
    {
        var created = await _worker.App.Services.GetRequiredService<SessionBookings>().CreateAsync(_educator,
            new NewSession(_class.Id, SessionType.Instant, "Review", null, null, durationMinutes), CancellationToken.None);
        Assert.Null(created.Error);
        return await _worker.ReadAsync(created.Value!.Id);
    }
}
