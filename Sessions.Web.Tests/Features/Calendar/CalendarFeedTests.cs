using System.Net;
using System.Net.Http.Json;
using Ical.Net.CalendarComponents;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Tests.Infrastructure;
using IcalCalendar = Ical.Net.Calendar;

namespace Sessions.Web.Tests.Features.Calendar;

[Collection(AppFixtureGroup.Name)]
public sealed class CalendarFeedTests(SessionsAppFactory app)
{
    private const string Paris = "Europe/Paris";
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task A_students_feed_lists_the_sessions_of_their_classes_on_the_educators_clock()
    {
        var educator = await _data.EducatorAsync("Ms. Feed");
        var student = await _data.StudentAsync();
        var ownClass = await _data.ClassAsync(educator, student);
        var otherClass = await _data.ClassAsync(educator);
        var soon = await _data.SessionAsync(ownClass, TimeSpan.FromDays(2));
        var past = await _data.SessionAsync(ownClass, TimeSpan.FromDays(-10));
        var notMine = await _data.SessionAsync(otherClass, TimeSpan.FromDays(2));

        using var response = await FeedResponseAsync(student);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
        var calendar = IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
        using var portal = app.CreateClient();
        var host = portal.BaseAddress!.Host;
        Assert.Equal(
            new[] { $"{past.Id}@{host}", $"{soon.Id}@{host}" }.Order(),
            calendar.Events.Select(e => e.Uid).Order());
        Assert.DoesNotContain(calendar.Events, e => e.Uid!.StartsWith(notMine.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal(Paris, Assert.Single(calendar.TimeZones).TzId);
        var soonEvent = calendar.Events.Single(e => e.Uid == $"{soon.Id}@{host}");
        Assert.Equal(Paris, soonEvent.DtStart!.TzId);
        Assert.Equal(ParisWallClock(soon.ScheduledStartUtc), soonEvent.DtStart.Value);
        Assert.Equal(ParisWallClock(soon.ScheduledStartUtc.AddMinutes(soon.DurationMinutes)), soonEvent.DtEnd!.Value);
        Assert.Equal(soon.ScheduledStartUtc, soonEvent.DtStart.AsUtc);
        Assert.Contains("Ms. Feed", soonEvent.Description, StringComparison.Ordinal);
        Assert.EndsWith($"/classes/{ownClass.Id}", soonEvent.Url!.ToString(), StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", soonEvent.Status);
    }

    [Fact]
    public async Task An_educators_feed_lists_the_classes_they_teach_and_keeps_nine_oclock_across_the_DST_change()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        var (beforeUtc, afterUtc) = NineOClockAroundTheNextChange();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var before = await _data.SessionAsync(schoolClass, beforeUtc - now);
        var after = await _data.SessionAsync(schoolClass, afterUtc - now);

        var calendar = await FeedAsync(educator);

        var starts = new[] { before, after }.Select(s => calendar.Events.Single(e => e.Uid!.StartsWith(s.Id.ToString(), StringComparison.Ordinal)).DtStart!).ToList();
        Assert.All(starts, start => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(start.Value)));
        Assert.Equal([beforeUtc, afterUtc], starts.Select(s => s.AsUtc));
        // The VTIMEZONE describes both offsets, so a calendar in another zone places each event right.
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Contains(zone.TimeZoneInfos, info => info.Name == "STANDARD");
        Assert.Contains(zone.TimeZoneInfos, info => info.Name == "DAYLIGHT");
    }

    [Fact]
    public async Task A_moved_session_comes_with_a_higher_sequence_and_a_cancelled_one_stays_as_cancelled()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        var moved = await _data.SessionAsync(schoolClass, TimeSpan.FromDays(3));
        var cancelled = await _data.SessionAsync(schoolClass, TimeSpan.FromDays(4));
        var before = await FeedAsync(student);
        using var teacher = await _data.ClientForAsync(educator);
        var newStart = app.Time.GetUtcNow().AddDays(5);

        await (await teacher.PatchAsJsonAsync($"/api/sessions/{moved.Id}", new { scheduledStartTime = TestData.Iso(newStart) })).ShouldBeOkAsync();
        await (await teacher.PostAsJsonAsync($"/api/sessions/{cancelled.Id}/cancel", new { reason = "Holiday" })).ShouldBeOkAsync();

        var after = await FeedAsync(student);
        CalendarEvent EventOf(IcalCalendar calendar, Guid id) => calendar.Events.Single(e => e.Uid!.StartsWith(id.ToString(), StringComparison.Ordinal));
        Assert.True(EventOf(after, moved.Id).Sequence > EventOf(before, moved.Id).Sequence);
        Assert.Equal(newStart.UtcDateTime, EventOf(after, moved.Id).DtStart!.AsUtc);
        Assert.Equal("CANCELLED", EventOf(after, cancelled.Id).Status);
        Assert.True(EventOf(after, cancelled.Id).Sequence > EventOf(before, cancelled.Id).Sequence);
    }

    [Fact]
    public async Task The_feed_url_stays_the_same_until_renewed_and_then_the_old_one_is_gone()
    {
        var student = await _data.StudentAsync();
        using var client = await _data.ClientForAsync(student);
        var first = await FeedUrlAsync(client);
        Assert.Equal(first, await FeedUrlAsync(client));

        var renewed = (await (await client.PostAsync("/api/me/calendar/renew", null)).ShouldBeOkAsync()).GetProperty("url").GetString()!;

        Assert.NotEqual(first, renewed);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(renewed)).StatusCode);
        Assert.Equal(renewed, await FeedUrlAsync(client));
    }

    [Theory]
    [InlineData("q3Vb0m2x9Jd7kYtW4sLpR8nHcE1uZaF6gTiO5yNwK0M")]
    [InlineData("short")]
    public async Task An_unknown_token_is_not_found(string token)
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync($"/calendar/{token}.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_session_file_is_for_the_members_of_its_class()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var outsider = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student), TimeSpan.FromDays(1));
        using var member = await _data.ClientForAsync(student);
        using var stranger = await _data.ClientForAsync(outsider);

        var response = await member.GetAsync($"/api/sessions/{session.Id}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith($"{session.Id}@", Assert.Single(calendar.Events).Uid, StringComparison.Ordinal);
        Assert.Equal(Paris, Assert.Single(calendar.TimeZones).TzId);
        await (await stranger.GetAsync($"/api/sessions/{session.Id}/calendar.ics")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        await (await member.GetAsync($"/api/sessions/{Guid.NewGuid()}/calendar.ics")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
    }

    private static async Task<string> FeedUrlAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/me/calendar")).ShouldBeOkAsync()).GetProperty("url").GetString()!;

    private async Task<HttpResponseMessage> FeedResponseAsync(AppUser user)
    {
        using var client = await _data.ClientForAsync(user);
        var url = await FeedUrlAsync(client);
        using var anonymous = app.CreateClient();
        return await anonymous.GetAsync(url);
    }

    private async Task<IcalCalendar> FeedAsync(AppUser user)
    {
        using var response = await FeedResponseAsync(user);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    private static DateTime ParisWallClock(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UserTime.FindZone(Paris));

    /// <summary>09:00 in Paris on the days before and after the zone's next clock change (within the feed's 180 days).</summary>
    private (DateTime BeforeUtc, DateTime AfterUtc) NineOClockAroundTheNextChange()
    {
        var zone = UserTime.FindZone(Paris);
        var day = ParisWallClock(app.Time.GetUtcNow().UtcDateTime).Date.AddDays(1);
        while (zone.GetUtcOffset(day.AddHours(9)) == zone.GetUtcOffset(day.AddDays(1).AddHours(9)))
        {
            day = day.AddDays(1);
        }
        DateTime NineUtc(DateTime date) => TimeZoneInfo.ConvertTimeToUtc(date.AddHours(9), zone);
        return (NineUtc(day), NineUtc(day.AddDays(1)));
    }
}
