using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

/// <summary>Educators book in their own wall clock; the stored UTC instant moves with daylight saving time so the wall clock does not.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class DstSchedulingTests(SessionsAppFactory app)
{
    // Europe's clocks go forward on Sunday 31 March 2030.
    private static readonly DateTime MondayBefore = new(2030, 3, 25, 9, 0, 0);
    private static readonly DateTime MondayAfter = new(2030, 4, 1, 9, 0, 0);
    private readonly UserTime _paris = new(UserTime.FindZone("Europe/Paris"));

    [Fact]
    public async Task Nine_oclock_the_week_after_the_change_is_still_nine_oclock_local()
    {
        var (bookings, owner, classId) = await EducatorWithClassAsync();

        var before = await BookAsync(bookings, owner, classId, MondayBefore);
        var after = await BookAsync(bookings, owner, classId, MondayAfter);

        Assert.Equal(new DateTime(2030, 3, 25, 8, 0, 0, DateTimeKind.Utc), before.ScheduledStartUtc);
        Assert.Equal(new DateTime(2030, 4, 1, 7, 0, 0, DateTimeKind.Utc), after.ScheduledStartUtc);
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(1), after.ScheduledStartUtc - before.ScheduledStartUtc);
        Assert.Equal(MondayAfter, _paris.ToLocal(after.ScheduledStartUtc));
    }

    [Fact]
    public async Task Rescheduling_a_week_later_across_the_change_keeps_the_wall_clock()
    {
        var (bookings, owner, classId) = await EducatorWithClassAsync();
        var session = await BookAsync(bookings, owner, classId, MondayBefore);

        Assert.True(_paris.TryToUtc(_paris.ToLocal(session.ScheduledStartUtc).AddDays(7), out var weekLaterUtc));
        var moved = await bookings.UpdateAsync(owner, session.Id, new SessionChanges(StartUtc: weekLaterUtc), CancellationToken.None);

        Assert.Equal(MondayAfter, _paris.ToLocal(moved.Value!.ScheduledStartUtc));
        Assert.Equal(MondayAfter, _paris.ToLocal((await app.Data.ReloadAsync(session.Id)).ScheduledStartUtc));
    }

    private async Task<SessionSummary> BookAsync(SessionBookings bookings, SessionActor owner, int classId, DateTime local)
    {
        Assert.True(_paris.TryToUtc(local, out var startUtc));
        var booked = await bookings.CreateAsync(owner, new NewSession(classId, SessionType.Scheduled, "Weekly lab", null, startUtc, 60),
            CancellationToken.None);
        Assert.Null(booked.Error);
        return booked.Value!;
    }

    private async Task<(SessionBookings Bookings, SessionActor Owner, int ClassId)> EducatorWithClassAsync()
    {
        var educator = await app.Data.EducatorAsync();
        var schoolClass = await app.Data.ClassAsync(educator, await app.Data.StudentAsync());
        return (app.Services.GetRequiredService<SessionBookings>(), TestData.ActorFor(educator, AppRoles.Educator), schoolClass.Id);
    }
}
