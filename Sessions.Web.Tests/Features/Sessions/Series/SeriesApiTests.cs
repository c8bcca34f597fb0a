using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Series;

/// <summary><c>POST /api/sessions</c> with a <c>recurrence</c>, and <c>PATCH /api/series/{id}</c> and <c>POST /api/series/{id}/cancel</c>.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SeriesApiTests(SessionsAppFactory app)
{
    private static readonly UserTime Paris = SeriesDates.Paris;

    private static readonly string[] Mondays = ["monday"];
    private static readonly string[] MondaysAndWednesdays = ["monday", "wednesday"];
    private static readonly string[] MondaysAndThursdays = ["monday", "thursday"];

    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Booking_a_weekly_series_answers_201_with_every_occurrence_stored_logged_and_announced()
    {
        var (educator, student, schoolClass) = await ClassWithStudentAsync();
        await using var listener = await LiveListener.ConnectAsync(app, student);
        using var client = await _data.ClientForAsync(educator);
        var monday = NextMondayNineParis();

        using var response = await client.PostAsJsonAsync("/api/sessions", SeriesBody(schoolClass, monday,
            new { daysOfWeek = MondaysAndWednesdays, count = 4 }));

        var series = await response.ShouldBeSeriesAsync();
        var seriesId = series.GetProperty("seriesId").GetGuid();
        Assert.Equal($"/api/series/{seriesId}", response.Headers.Location!.AbsolutePath);
        using var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal(series.GetProperty("occurrences").ToString(), (await read.ShouldBeOkAsync()).GetProperty("occurrences").ToString());
        var occurrences = series.GetProperty("occurrences").EnumerateArray().ToList();
        Assert.Empty(series.GetProperty("warnings").EnumerateArray());
        Assert.Equal([monday, monday.AddDays(2), monday.AddDays(7), monday.AddDays(9)],
            occurrences.Select(o => Paris.ToLocal(o.GetProperty("scheduledStartTime").GetDateTimeOffset().UtcDateTime)));
        foreach (var occurrence in occurrences)
        {
            Assert.Equal(("Algebra", "scheduled", "scheduled", 45), (occurrence.GetProperty("title").GetString(),
                occurrence.GetProperty("status").GetString(), occurrence.GetProperty("type").GetString(), occurrence.GetProperty("duration").GetInt32()));
            Assert.Equal(schoolClass.Id, occurrence.GetProperty("class").GetProperty("id").GetInt32());
            Assert.Equal(12, occurrence.GetProperty("settings").GetProperty("effectiveMaxParticipants").GetInt32());
        }
        var ids = occurrences.ConvertAll(o => o.GetProperty("id").GetGuid());
        await using var db = await _data.DbAsync();
        Assert.Equal(ids, await db.Sessions.Where(s => s.SeriesId == seriesId).OrderBy(s => s.ScheduledStartUtc).Select(s => s.Id).ToListAsync());
        Assert.Equal(ids.Order(), (await db.ActivityEntries.Where(e => ids.Contains(e.SessionId) && e.Kind == "session_scheduled")
            .Select(e => e.SessionId).ToListAsync()).Order());
        foreach (var id in ids)
        {
            Assert.Equal(id, (await listener.NextAsync<SessionScheduledMessage>()).SessionId);
        }
    }

    [Fact]
    public async Task A_series_repeats_on_the_class_educators_own_wall_clock_across_daylight_saving_time()
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        await ZoneOfAsync(educator, "America/New_York");
        var newYork = new UserTime(UserTime.FindZone("America/New_York"));
        // The Monday before the next US spring change (the second Sunday of March), at 09:00 in New York.
        var change = NextUsSpringChange();
        var monday = change.AddDays(-6).AddHours(9);
        Assert.True(newYork.TryToUtc(monday, out var mondayUtc));
        using var admin = await _data.ClientForAsync(await _data.AdminAsync());

        var series = await (await admin.PostAsJsonAsync("/api/sessions", SeriesBody(schoolClass, new DateTimeOffset(mondayUtc, TimeSpan.Zero),
            new { daysOfWeek = Mondays, count = 2 }))).ShouldBeSeriesAsync();

        var starts = series.GetProperty("occurrences").EnumerateArray()
            .Select(o => o.GetProperty("scheduledStartTime").GetDateTimeOffset().UtcDateTime).ToList();
        Assert.Equal([monday, monday.AddDays(7)], starts.Select(newYork.ToLocal));
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(1), starts[1] - starts[0]);
    }

    [Fact]
    public async Task A_series_may_hold_exactly_the_cap_and_a_booking_without_recurrence_still_answers_the_session_alone()
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);
        var everyDay = Enum.GetValues<DayOfWeek>().Select(day => day.ToString().ToLowerInvariant()).ToArray();

        var series = await (await client.PostAsJsonAsync("/api/sessions", SeriesBody(schoolClass, NextMondayNineParis(),
            new { daysOfWeek = everyDay, count = 100 }))).ShouldBeSeriesAsync();
        using var single = await client.PostAsJsonAsync("/api/sessions", new
        {
            classId = schoolClass.Id, title = "Once", type = "scheduled",
            scheduledStartTime = TestData.Iso(app.Time.GetUtcNow().AddDays(1)), durationMinutes = 30,
        });

        Assert.Equal(100, series.GetProperty("occurrences").GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, single.StatusCode);
        var session = await single.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["cancellationReason", "cancelledAt", "class", "description", "duration", "endedAt", "host", "id", "scheduledStartTime",
            "settings", "startedAt", "status", "title", "type", "wrapUpEndsAt"], session.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Null((await _data.ReloadAsync(session.GetProperty("id").GetGuid())).SeriesId);
    }

    [Theory]
    [InlineData("""{"daysOfWeek":[],"count":3}""", "recurrence.daysOfWeek")]
    [InlineData("""{"daysOfWeek":["monday","monday"],"count":3}""", "recurrence.daysOfWeek")]
    [InlineData("""{"daysOfWeek":["Monday"],"count":3}""", "recurrence.daysOfWeek")]
    [InlineData("""{"daysOfWeek":["monday"],"until":"2099-01-01","count":3}""", "recurrence")]
    [InlineData("""{"daysOfWeek":["monday"]}""", "recurrence")]
    [InlineData("""{"daysOfWeek":["monday"],"count":0}""", "recurrence.count")]
    [InlineData("""{"daysOfWeek":["monday"],"count":101}""", "recurrence.count")]
    [InlineData("""{"daysOfWeek":["monday"],"until":"01/02/2027"}""", "recurrence.until")]
    [InlineData("""{"daysOfWeek":["monday","tuesday","wednesday","thursday","friday","saturday","sunday"],"until":"2999-12-31"}""", "recurrence.until")]
    [InlineData("""{"daysOfWeek":["monday"],"until":"2000-01-01"}""", "recurrence.until")]
    [InlineData("""{"daysOfWeek":["monday"],"count":100}""", "recurrence.count")]
    public async Task An_invalid_recurrence_is_refused_naming_its_field_and_nothing_is_stored(string recurrence, string field)
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);
        // Two years ahead on Mondays: 100 weekly sessions would run past the booking horizon.
        var start = NextMondayNineParis().AddDays(7 * 10);

        using var response = await client.PostAsJsonAsync("/api/sessions",
            SeriesBody(schoolClass, start, JsonSerializer.Deserialize<JsonElement>(recurrence)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await using var db = await _data.DbAsync();
        Assert.False(await db.Sessions.AnyAsync(s => s.ClassId == schoolClass.Id));
    }

    [Fact]
    public async Task A_recurrence_is_for_scheduled_sessions_only_and_its_errors_come_with_the_sessions_own()
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);

        using var response = await client.PostAsJsonAsync("/api/sessions", new
        {
            classId = schoolClass.Id, title = " ", type = "instant", durationMinutes = 30,
            recurrence = new { daysOfWeek = Array.Empty<string>(), count = 2 },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["recurrence", "recurrence.daysOfWeek", "title"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task Recurrence_messages_speak_the_request_language()
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions")
        {
            Content = JsonContent.Create(SeriesBody(schoolClass, NextMondayNineParis(), new { daysOfWeek = Mondays, count = 101 })),
        };
        request.Headers.AcceptLanguage.ParseAdd("ar");

        var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.StartsWith("يجب أن يكون عدد الحصص بين", problem.GetProperty("errors").GetProperty("recurrence.count")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_occurrence_overlapping_another_session_of_the_class_is_booked_with_a_warning()
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);
        var monday = NextMondayNineParis();
        var overlapped = await BookOneAsync(client, schoolClass, monday.AddDays(7).AddMinutes(30));
        var cancelled = await BookOneAsync(client, schoolClass, monday);
        await (await client.PostAsJsonAsync($"/api/sessions/{cancelled}/cancel", new { })).ShouldBeOkAsync();

        var series = await (await client.PostAsJsonAsync("/api/sessions", SeriesBody(schoolClass, monday,
            new { daysOfWeek = Mondays, count = 3 }))).ShouldBeSeriesAsync();

        Assert.Equal(3, series.GetProperty("occurrences").GetArrayLength());
        var warning = Assert.Single(series.GetProperty("warnings").EnumerateArray());
        Assert.Equal("overlaps_session", warning.GetProperty("code").GetString());
        Assert.Equal(overlapped, warning.GetProperty("sessionId").GetGuid());
        Assert.Equal(monday.AddDays(7), Paris.ToLocal(warning.GetProperty("occurrenceStart").GetDateTimeOffset().UtcDateTime));
    }

    [Fact]
    public async Task Cancelling_a_series_cancels_its_scheduled_sessions_and_leaves_the_started_one()
    {
        var (educator, student, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);
        // Today's occurrence is startable now; the series repeats on the same weekday.
        var now = app.Time.GetUtcNow();
        var firstStart = now.AddMinutes(2);
        var series = await (await client.PostAsJsonAsync("/api/sessions", SeriesBody(schoolClass, firstStart,
            new { daysOfWeek = new[] { DayName(Paris.ToLocal(firstStart.UtcDateTime)) }, count = 3 }))).ShouldBeSeriesAsync();
        var (seriesId, ids) = Read(series);
        var started = await app.Services.GetRequiredService<SessionService>()
            .StartAsync(TestData.ActorFor(educator, AppRoles.Educator), ids[0], CancellationToken.None);
        Assert.Null(started.Error);
        await using var listener = await LiveListener.ConnectAsync(app, student);

        var cancelled = await (await client.PostAsJsonAsync($"/api/series/{seriesId}/cancel", new { reason = "Course moved online" })).ShouldBeOkAsync();

        Assert.Equal(seriesId, cancelled.GetProperty("seriesId").GetGuid());
        Assert.Equal(ids[1..], cancelled.GetProperty("cancelledIds").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal([SessionStatus.InProgress, SessionStatus.Cancelled, SessionStatus.Cancelled], await StatusesAsync(ids));
        foreach (var id in ids[1..])
        {
            var heard = await listener.NextAsync<SessionCancelledMessage>();
            Assert.Equal((id, "Course moved online"), (heard.SessionId, heard.Reason));
        }
        await using var db = await _data.DbAsync();
        Assert.Equal(ids[1..], await db.ActivityEntries.Where(e => ids.Contains(e.SessionId) && e.Kind == "session_cancelled")
            .OrderBy(e => e.Id).Select(e => e.SessionId).ToListAsync());
        Assert.Empty((await (await client.PostAsJsonAsync($"/api/series/{seriesId}/cancel", new { })).ShouldBeOkAsync())
            .GetProperty("cancelledIds").EnumerateArray());
    }

    [Fact]
    public async Task Cancelling_from_one_session_on_leaves_the_earlier_ones()
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);
        var (seriesId, ids) = Read(await (await client.PostAsJsonAsync("/api/sessions", SeriesBody(schoolClass, NextMondayNineParis(),
            new { daysOfWeek = MondaysAndThursdays, count = 4 }))).ShouldBeSeriesAsync());

        var cancelled = await (await client.PostAsJsonAsync($"/api/series/{seriesId}/cancel", new { fromSessionId = ids[2] })).ShouldBeOkAsync();

        Assert.Equal(ids[2..], cancelled.GetProperty("cancelledIds").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal([SessionStatus.Scheduled, SessionStatus.Scheduled, SessionStatus.Cancelled, SessionStatus.Cancelled], await StatusesAsync(ids));
        var stranger = await BookOneAsync(client, schoolClass, NextMondayNineParis().AddDays(1));
        var problem = await (await client.PostAsJsonAsync($"/api/series/{seriesId}/cancel", new { fromSessionId = stranger }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("fromSessionId", out _));
    }

    [Fact]
    public async Task Changing_the_following_sessions_changes_them_all_and_only_them()
    {
        var (educator, student, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);
        var monday = NextMondayNineParis();
        var (seriesId, ids) = Read(await (await client.PostAsJsonAsync("/api/sessions", SeriesBody(schoolClass, monday,
            new { daysOfWeek = Mondays, count = 3 }))).ShouldBeSeriesAsync());
        await using var listener = await LiveListener.ConnectAsync(app, student);

        var changed = await (await client.PatchAsJsonAsync($"/api/series/{seriesId}",
            new { fromSessionId = ids[1], title = "Algebra II", durationMinutes = 30, startTime = "10:15" })).ShouldBeOkAsync();

        Assert.Equal(ids[1..], changed.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        await using var db = await _data.DbAsync();
        var stored = await db.Sessions.AsNoTracking().Where(s => s.SeriesId == seriesId).OrderBy(s => s.ScheduledStartUtc).ToListAsync();
        Assert.Equal([("Algebra", 45, monday), ("Algebra II", 30, monday.AddDays(7).AddMinutes(75)), ("Algebra II", 30, monday.AddDays(14).AddMinutes(75))],
            stored.Select(s => (s.Title, s.DurationMinutes, Paris.ToLocal(s.ScheduledStartUtc))));
        foreach (var id in ids[1..])
        {
            var heard = await listener.NextAsync<SessionUpdatedMessage>();
            Assert.Equal((id, "Algebra II", 30), (heard.SessionId, heard.Title, heard.DurationMinutes));
        }
        Assert.Equal(2, await db.ActivityEntries.CountAsync(e => ids.Contains(e.SessionId) && e.Kind == "session_updated"));
    }

    [Fact]
    public async Task An_invalid_change_of_the_following_sessions_changes_none()
    {
        var (educator, _, schoolClass) = await ClassWithStudentAsync();
        using var client = await _data.ClientForAsync(educator);
        var (seriesId, ids) = Read(await (await client.PostAsJsonAsync("/api/sessions", SeriesBody(schoolClass, NextMondayNineParis(),
            new { daysOfWeek = Mondays, count = 2 }))).ShouldBeSeriesAsync());

        var problem = await (await client.PatchAsJsonAsync($"/api/series/{seriesId}",
            new { fromSessionId = ids[0], title = "Fine", durationMinutes = 500, startTime = "25:00" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["startTime"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var tooLong = await (await client.PatchAsJsonAsync($"/api/series/{seriesId}", new { fromSessionId = ids[0], title = "Fine", durationMinutes = 500 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["durationMinutes"], tooLong.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await (await client.PatchAsJsonAsync($"/api/series/{seriesId}", new { title = "Fine" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        await using var db = await _data.DbAsync();
        Assert.All(await db.Sessions.Where(s => s.SeriesId == seriesId).ToListAsync(), s => Assert.Equal(("Algebra", 45), (s.Title, s.DurationMinutes)));
    }

    [Fact]
    public async Task A_series_is_changed_and_cancelled_by_its_owner_or_an_admin_only()
    {
        var (educator, student, schoolClass) = await ClassWithStudentAsync();
        var coEducator = await _data.EducatorAsync("Co");
        await _data.CoEducatorAsync(schoolClass.Id, coEducator);
        using var owner = await _data.ClientForAsync(educator);
        var (seriesId, ids) = Read(await (await owner.PostAsJsonAsync("/api/sessions", SeriesBody(schoolClass, NextMondayNineParis(),
            new { daysOfWeek = Mondays, count = 2 }))).ShouldBeSeriesAsync());
        using var co = await _data.ClientForAsync(coEducator);
        using var stranger = await _data.ClientForAsync(await _data.EducatorAsync("Stranger"));
        using var pupil = await _data.ClientForAsync(student);
        using var admin = await _data.ClientForAsync(await _data.AdminAsync());
        var change = new { fromSessionId = ids[0], title = "Renamed" };

        await (await co.PatchAsJsonAsync($"/api/series/{seriesId}", change)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await stranger.PostAsJsonAsync($"/api/series/{seriesId}/cancel", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_session_owner");
        await (await pupil.PostAsJsonAsync($"/api/series/{seriesId}/cancel", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await owner.PatchAsJsonAsync($"/api/series/{Guid.NewGuid()}", change)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "series_not_found");
        await (await owner.PostAsJsonAsync($"/api/series/{Guid.NewGuid()}/cancel", new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "series_not_found");
        Assert.Equal([SessionStatus.Scheduled, SessionStatus.Scheduled], await StatusesAsync(ids));

        await (await admin.PatchAsJsonAsync($"/api/series/{seriesId}", change)).ShouldBeOkAsync();
        await (await admin.PostAsJsonAsync($"/api/series/{seriesId}/cancel", new { })).ShouldBeOkAsync();
        Assert.Equal([SessionStatus.Cancelled, SessionStatus.Cancelled], await StatusesAsync(ids));
    }

    private static object SeriesBody(SchoolClass schoolClass, DateTime localParis, object recurrence)
    {
        Assert.True(Paris.TryToUtc(localParis, out var startUtc));
        return SeriesBody(schoolClass, new DateTimeOffset(startUtc, TimeSpan.Zero).ToOffset(Paris.Zone.GetUtcOffset(startUtc)), recurrence);
    }

    private static object SeriesBody(SchoolClass schoolClass, DateTimeOffset start, object recurrence) => new
    {
        classId = schoolClass.Id,
        title = "Algebra",
        type = "scheduled",
        scheduledStartTime = TestData.Iso(start),
        durationMinutes = 45,
        settings = new { maxParticipants = 12 },
        recurrence,
    };

    private static async Task<Guid> BookOneAsync(HttpClient client, SchoolClass schoolClass, DateTime localParis)
    {
        Assert.True(Paris.TryToUtc(localParis, out var startUtc));
        using var response = await client.PostAsJsonAsync("/api/sessions", new
        {
            classId = schoolClass.Id, title = "Extra", type = "scheduled", scheduledStartTime = TestData.Iso(new DateTimeOffset(startUtc, TimeSpan.Zero)),
            durationMinutes = 60,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static (Guid SeriesId, Guid[] Ids) Read(JsonElement series) => (series.GetProperty("seriesId").GetGuid(),
        [.. series.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("id").GetGuid())]);

    private async Task<List<SessionStatus>> StatusesAsync(IEnumerable<Guid> ids)
    {
        await using var db = await _data.DbAsync();
        var statuses = await db.Sessions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Status);
        return [.. ids.Select(id => statuses[id])];
    }

    private DateTime NextMondayNineParis() => SeriesDates.NextMondayNine(app.Time.GetUtcNow());

    /// <summary>The next second Sunday of March whose Monday before is still ahead of the app's now.</summary>
    private DateTime NextUsSpringChange()
    {
        for (var year = app.Time.GetUtcNow().Year; ; year++)
        {
            var first = new DateTime(year, 3, 1);
            var secondSunday = first.AddDays((7 - (int)first.DayOfWeek) % 7 + 7);
            if (secondSunday.AddDays(-7) > app.Time.GetUtcNow().UtcDateTime)
            {
                return secondSunday;
            }
        }
    }

    private static string DayName(DateTime local) => local.DayOfWeek.ToString().ToLowerInvariant();

    private async Task ZoneOfAsync(AppUser user, string zone)
    {
        await using var db = await _data.DbAsync();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZoneId, zone));
    }

    private async Task<(AppUser Educator, AppUser Student, SchoolClass Class)> ClassWithStudentAsync()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        return (educator, student, await _data.ClassAsync(educator, student));
    }
}

internal static class SeriesResponses
{
    /// <summary>Asserts a 201 with a series and returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeSeriesAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        var series = JsonDocument.Parse(body).RootElement;
        Assert.True(series.TryGetProperty("seriesId", out _), body);
        return series;
    }
}
