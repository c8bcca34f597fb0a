using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions;

/// <summary>The service the educator's page calls: the same rules and codes as the API.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionServiceTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;
    private readonly SessionService _sessions = app.Services.GetRequiredService<SessionService>();
    private readonly SessionBookings _bookings = app.Services.GetRequiredService<SessionBookings>();

    [Fact]
    public async Task A_start_one_tick_before_the_window_is_refused_and_at_the_window_succeeds()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()), startsIn: TimeSpan.FromMinutes(10));
        var actor = TestData.ActorFor(educator, AppRoles.Educator);
        app.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond));

        var early = await _sessions.StartAsync(actor, session.Id, CancellationToken.None);
        app.Time.Advance(TimeSpan.FromMilliseconds(1));
        var onTime = await _sessions.StartAsync(actor, session.Id, CancellationToken.None);

        Assert.Equal("outside_start_window", early.Error?.Code);
        Assert.Null(onTime.Error);
        Assert.Equal(session.ScheduledStartUtc.AddMinutes(-5), onTime.Value!.ActualStartUtc);
    }

    [Fact]
    public async Task An_instant_session_is_created_and_started_in_one_step()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());

        var result = await _bookings.CreateAsync(TestData.ActorFor(educator, AppRoles.Educator),
            new NewSession(schoolClass.Id, SessionType.Instant, "  Quick review  ", null, null, 30), CancellationToken.None);

        var stored = await _data.ReloadAsync(result.Value!.Id);
        Assert.Equal(SessionType.Instant, stored.Type);
        Assert.Equal(SessionStatus.InProgress, stored.Status);
        Assert.Equal("Quick review", stored.Title);
        Assert.Equal(stored.ScheduledStartUtc, stored.ActualStartUtc);
    }

    [Fact]
    public async Task A_refused_instant_session_leaves_nothing_behind()
    {
        var educator = await _data.EducatorAsync();
        var empty = await _data.ClassAsync(educator);
        var full = await _data.ClassAsync(educator, await _data.StudentAsync());
        var actor = TestData.ActorFor(educator, AppRoles.Educator);
        var live = await _bookings.CreateAsync(actor, new NewSession(full.Id, SessionType.Instant, "Live one", null, null, 30), CancellationToken.None);

        var noStudents = await _bookings.CreateAsync(actor, new NewSession(empty.Id, SessionType.Instant, "Nobody", null, null, 30), CancellationToken.None);
        var alreadyLive = await _bookings.CreateAsync(actor, new NewSession(full.Id, SessionType.Instant, "Second", null, null, 30), CancellationToken.None);

        Assert.Equal("no_students_enrolled", noStudents.Error?.Code);
        Assert.Equal("educator_already_live", alreadyLive.Error?.Code);
        await using var db = await _data.DbAsync();
        Assert.Equal([live.Value!.Id], await db.Sessions.Where(s => s.EducatorId == educator.Id).Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task Scheduling_stores_the_session_and_tells_the_class()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        var heard = new List<LiveEvent>();
        using var subscription = app.Services.GetRequiredService<LiveSubscriptions>().Subscribe([LiveGroups.ForClass(schoolClass.Id)], heard.Add);
        var start = app.Time.GetUtcNow().UtcDateTime.AddDays(2);

        var result = await _bookings.CreateAsync(TestData.ActorFor(educator, AppRoles.Educator),
            new NewSession(schoolClass.Id, SessionType.Scheduled, "Quadratics", "Bring a calculator", start, 50), CancellationToken.None);

        var stored = await _data.ReloadAsync(result.Value!.Id);
        Assert.Equal(SessionStatus.Scheduled, stored.Status);
        Assert.Equal(start, stored.ScheduledStartUtc);
        Assert.Equal(50, stored.DurationMinutes);
        var scheduled = Assert.IsType<SessionScheduledMessage>(Assert.Single(heard));
        Assert.Equal(stored.Id, scheduled.SessionId);
    }

    [Theory]
    [InlineData("", 30, 60, "title")]
    [InlineData("Algebra", 4, 60, "durationMinutes")]
    [InlineData("Algebra", 241, 60, "durationMinutes")]
    [InlineData("Algebra", 30, -2, "scheduledStartTime")]
    public async Task Invalid_schedules_are_refused_naming_the_field(string title, int duration, int startsInMinutes, string field)
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());

        var result = await _bookings.CreateAsync(TestData.ActorFor(educator, AppRoles.Educator),
            new NewSession(schoolClass.Id, SessionType.Scheduled, title, null, app.Time.GetUtcNow().UtcDateTime.AddMinutes(startsInMinutes), duration),
            CancellationToken.None);

        Assert.Equal("validation_failed", result.Error?.Code);
        var errors = Assert.IsType<Dictionary<string, FieldMessage[]>>(result.Error!.Details!["errors"]);
        Assert.Contains(field, errors.Keys);
        await using var db = await _data.DbAsync();
        Assert.False(await db.Sessions.AnyAsync(s => s.ClassId == schoolClass.Id));
    }

    [Fact]
    public async Task Only_the_class_educator_may_schedule_for_it()
    {
        var schoolClass = await _data.ClassAsync(await _data.EducatorAsync(), await _data.StudentAsync());
        var stranger = await _data.EducatorAsync();

        var result = await _bookings.CreateAsync(TestData.ActorFor(stranger, AppRoles.Educator),
            new NewSession(schoolClass.Id, SessionType.Scheduled, "Mine now", null, app.Time.GetUtcNow().UtcDateTime.AddHours(1), 30), CancellationToken.None);

        Assert.Equal("not_class_owner", result.Error?.Code);
    }
}
