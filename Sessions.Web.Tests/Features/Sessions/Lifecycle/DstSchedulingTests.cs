using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

/// <summary>Educators book in their own wall clock; the stored UTC instant moves with daylight saving time so the wall clock does not.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class DstSchedulingTests(SessionsAppFactory app)
{
    private readonly UserTime _paris = new(UserTime.FindZone("Europe/Paris"));

    // Europe's clocks go forward on the last Sunday of March; the next such change, within the booking horizon.
    private readonly DateTime _changeSunday = NextChangeSundayAfter(app.Time.GetUtcNow().UtcDateTime);

    private DateTime MondayBefore => _changeSunday.AddDays(-6).AddHours(9);

    private DateTime MondayAfter => _changeSunday.AddDays(1).AddHours(9);

    [Fact]
    public async Task Nine_oclock_the_week_after_the_change_is_still_nine_oclock_local()
    {
        var (bookings, owner, classId) = await EducatorWithClassAsync();

        var before = await BookAsync(bookings, owner, classId, MondayBefore);
        var after = await BookAsync(bookings, owner, classId, MondayAfter);

        Assert.Equal(DateTime.SpecifyKind(MondayBefore.AddHours(-1), DateTimeKind.Utc), before.ScheduledStartUtc);
        Assert.Equal(DateTime.SpecifyKind(MondayAfter.AddHours(-2), DateTimeKind.Utc), after.ScheduledStartUtc);
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

    /// <summary>The last Sunday of March whose Monday before is still a day ahead of <paramref name="utcNow"/>.</summary>
    private static DateTime NextChangeSundayAfter(DateTime utcNow)
    {
        for (var year = utcNow.Year; ; year++)
        {
            var lastOfMarch = new DateTime(year, 3, 31);
            var sunday = lastOfMarch.AddDays(-(int)lastOfMarch.DayOfWeek);
            if (sunday.AddDays(-7) > utcNow)
            {
                return sunday;
            }
        }
    }

    private async Task<(SessionBookings Bookings, SessionActor Owner, int ClassId)> EducatorWithClassAsync()
    {
        var educator = await app.Data.EducatorAsync();
        var schoolClass = await app.Data.ClassAsync(educator, await app.Data.StudentAsync());
        return (app.Services.GetRequiredService<SessionBookings>(), TestData.ActorFor(educator, AppRoles.Educator), schoolClass.Id);
    }
}
