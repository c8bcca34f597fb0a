using Bunit;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Calendar.Components;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Calendar;

[Collection(AppFixtureGroup.Name)]
public sealed class CalendarPageTests(SessionsAppFactory app) : AppBunitContext(app)
{
    [Fact]
    public async Task The_week_shows_todays_session_in_the_users_zone_and_moves_by_buttons_and_arrow_keys()
    {
        var (student, session, today) = await StudentWithASessionTodayAsync();
        SignIn(student, AppRoles.Student);

        var page = RenderOnCircuit<CalendarPage>(_ => { });

        page.WaitForAssertion(() => Assert.NotNull(page.FindByTestId(CalendarTestIds.Session(session.Id))));
        Assert.Contains("Europe/Paris", page.FindByTestId(CalendarTestIds.Zone).TextContent, StringComparison.Ordinal);
        Assert.Equal(7, page.FindAll("li[data-testid^='calendar-day-']").Count);
        Assert.NotNull(page.FindByTestId(CalendarTestIds.Day(today)));
        Assert.EndsWith($"/classes/{session.ClassId}", page.FindByTestId(CalendarTestIds.Session(session.Id)).GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(page.FindByTestId(CalendarTestIds.Session(session.Id)).TextContent.Trim(), "14:00 Fractions", StringComparison.Ordinal);

        page.FindByTestId(CalendarTestIds.Next).Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAllByTestId(CalendarTestIds.Session(session.Id))));
        Assert.Empty(page.FindAllByTestId(CalendarTestIds.Day(today)));

        page.FindByTestId(CalendarTestIds.Today).Click();
        page.WaitForAssertion(() => Assert.NotNull(page.FindByTestId(CalendarTestIds.Session(session.Id))));

        page.Find("div[role=region]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowLeft" });
        page.WaitForAssertion(() => Assert.Empty(page.FindAllByTestId(CalendarTestIds.Day(today))));
        page.Find("div[role=region]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Home" });
        page.WaitForAssertion(() => Assert.NotNull(page.FindByTestId(CalendarTestIds.Day(today))));
    }

    [Fact]
    public async Task The_month_shows_whole_weeks_around_the_month_with_the_session_and_the_feed_link()
    {
        var (student, session, today) = await StudentWithASessionTodayAsync();
        SignIn(student, AppRoles.Student);
        var page = RenderOnCircuit<CalendarPage>(_ => { });
        page.WaitForAssertion(() => Assert.NotNull(page.FindByTestId(CalendarTestIds.Session(session.Id))));

        page.FindByTestId(CalendarTestIds.MonthView).Click();

        page.WaitForAssertion(() => Assert.True(page.FindAll("li[data-testid^='calendar-day-']").Count is 28 or 35 or 42));
        Assert.NotNull(page.FindByTestId(CalendarTestIds.Day(new DateOnly(today.Year, today.Month, 1))));
        Assert.NotNull(page.FindByTestId(CalendarTestIds.Session(session.Id)));
        Assert.Equal("true", page.FindByTestId(CalendarTestIds.MonthView).GetAttribute("aria-pressed"));
        Assert.Matches(@"/calendar/[A-Za-z0-9_-]{43}\.ics$", (page.FindByTestId(CalendarTestIds.FeedUrl).GetAttribute("value") ?? page.FindByTestId(CalendarTestIds.FeedUrl).QuerySelector("input")?.GetAttribute("value")));
    }

    /// <summary>A student whose class has a session at 14:00 today on their (Paris) clock.</summary>
    private async Task<(AppUser Student, global::Sessions.Web.Features.Sessions.Session Session, DateOnly Today)> StudentWithASessionTodayAsync()
    {
        var educator = await App.Data.EducatorAsync();
        var student = await App.Data.StudentAsync();
        var schoolClass = await App.Data.ClassAsync(educator, student);
        var paris = UserTime.FindZone("Europe/Paris");
        var now = App.Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, paris));
        var twoPm = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(new TimeOnly(14, 0)), paris);
        return (student, await App.Data.SessionAsync(schoolClass, twoPm - now), today);
    }
}
