using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

/// <summary>
/// What the booking API reads at all: JSON as it is written (numbers as numbers, each property once), times exactly as
/// ISO 8601 with an offset and within the booking horizon, and text that shows what it says. Each refusal is a 400
/// <c>validation_failed</c> naming the field, and stores nothing.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionInputBoundsTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Theory]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("\u200D\uFEFF\u2060")]
    [InlineData(" \u3164 ")]
    public async Task A_title_of_only_invisible_characters_is_refused_and_nothing_is_stored(string title)
    {
        var (educator, schoolClass) = await ClassAsync();
        using var client = await _data.ClientForAsync(educator);

        using var response = await client.PostAsJsonAsync("/api/sessions", Booking(schoolClass.Id, title: title));

        await ShouldNameAsync(response, "title");
        await NothingBookedAsync(schoolClass.Id);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("invoice\u202Etxt.exe")]
    [InlineData("\u2067hidden\u2069")]
    public async Task Nul_and_bidi_overrides_are_refused_in_titles_descriptions_and_reasons(string text)
    {
        var (educator, schoolClass) = await ClassAsync();
        var session = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(1));
        using var client = await _data.ClientForAsync(educator);

        await ShouldNameAsync(await client.PostAsJsonAsync("/api/sessions", Booking(schoolClass.Id, title: text)), "title");
        await ShouldNameAsync(await client.PatchAsJsonAsync($"/api/sessions/{session.Id}", new { description = text }), "description");
        await ShouldNameAsync(await client.PostAsJsonAsync($"/api/sessions/{session.Id}/cancel", new { reason = text }), "reason");

        var stored = await _data.ReloadAsync(session.Id);
        Assert.Equal((SessionStatus.Scheduled, null), (stored.Status, stored.Description));
    }

    [Fact]
    public async Task A_description_keeps_its_line_breaks_as_LF_and_a_title_of_one_emoji_family_is_one_character()
    {
        var (educator, schoolClass) = await ClassAsync();
        using var client = await _data.ClientForAsync(educator);
        var family = "\U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";

        using var response = await client.PostAsJsonAsync("/api/sessions",
            Booking(schoolClass.Id, title: string.Concat(Enumerable.Repeat(family, Session.TitleMaxLength)), description: "Bring:\r\n- a pen"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await _data.ReloadAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal("Bring:\n- a pen", stored.Description);
        Assert.Equal(Session.TitleMaxLength * family.Length, stored.Title.Length);
    }

    [Theory]
    [InlineData("""{"classId":"{class}","title":"Algebra","type":"instant","durationMinutes":30}""", "classId")]
    [InlineData("""{"classId":{class},"title":"Algebra","type":"instant","durationMinutes":"30"}""", "durationMinutes")]
    [InlineData("""{"classId":{class},"title":"Algebra","type":"instant","durationMinutes":30,"settings":{"maxParticipants":"12"}}""", "settings.maxParticipants")]
    [InlineData("""{"classId":{class},"title":"Algebra","type":"instant","durationMinutes":30,"settings":{"chatEnabled":"false"}}""", "settings.chatEnabled")]
    [InlineData("""{"classId":{class},"title":"Algebra","type":"instant","durationMinutes":30.0}""", "durationMinutes")]
    [InlineData("""{"classId":{class},"title":"Algebra","type":"instant","durationMinutes":1e999}""", "durationMinutes")]
    [InlineData("""{"classId":{class},"title":"Algebra","type":"instant","durationMinutes":30,"title":"Other"}""", "title")]
    [InlineData("""{"classId":{class},"title":"Algebra","Title":"Other","type":"instant","durationMinutes":30}""", "Title")]
    [InlineData("""{"classId":{class},"title":"Algebra","type":"instant","durationMinutes":30""", "body")]
    [InlineData("""[{"classId":{class}}]""", "body")]
    [InlineData("""{"classId":{class},"title":"Algebra",/* a comment */"type":"instant","durationMinutes":30}""", "body")]
    public async Task Json_is_read_as_written_numbers_as_numbers_and_each_property_once(string body, string field)
    {
        var (educator, schoolClass) = await ClassAsync();
        using var client = await _data.ClientForAsync(educator);

        using var response = await client.PostAsync("/api/sessions", Json(body.Replace("{class}", schoolClass.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        await ShouldNameAsync(response, field);
        await NothingBookedAsync(schoolClass.Id);
    }

    [Fact]
    public async Task Class_defaults_take_their_number_as_a_number()
    {
        var (educator, schoolClass) = await ClassAsync();
        using var client = await _data.ClientForAsync(educator);

        using var response = await client.PutAsync($"/api/classes/{schoolClass.Id}/session-defaults",
            Json("""{"chatEnabled":true,"maxParticipants":"12","studentMediaEnabled":true,"recordingEnabled":false}"""));

        await ShouldNameAsync(response, "maxParticipants");
        await using var db = await _data.DbAsync();
        Assert.Equal(SessionSettings.ClassDefaults.MaxParticipants, (await db.Classes.SingleAsync(c => c.Id == schoolClass.Id)).SessionDefaults.MaxParticipants);
    }

    [Theory]
    [InlineData("{start}\n")]
    [InlineData("{start}\r\n")]
    [InlineData(" {start}")]
    [InlineData("{start} ")]
    [InlineData("{start}\u00A0")]
    [InlineData("{date}T09:00:00+99:00")]
    [InlineData("\u0662\u0660\u0663\u0660-01-07T09:00:00Z")]
    [InlineData("9999-12-31T23:59:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("{date}t09:00:00z")]
    public async Task A_time_must_be_exactly_iso_8601_with_an_offset(string start)
    {
        var (educator, schoolClass) = await ClassAsync();
        using var client = await _data.ClientForAsync(educator);

        using var response = await client.PostAsJsonAsync("/api/sessions", Booking(schoolClass.Id, start: Fill(start)));

        var message = await ShouldNameAsync(response, "scheduledStartTime");
        Assert.Contains("ISO 8601", message, StringComparison.Ordinal);
        await NothingBookedAsync(schoolClass.Id);
    }

    [Theory]
    [InlineData("?from={start}%0A", "from")]
    [InlineData("?to={start}%20", "to")]
    [InlineData("?from=1899-12-31T00:00:00Z", "from")]
    [InlineData("?to=3000-01-01T00:00:00Z", "to")]
    public async Task The_list_filters_read_times_the_same_way(string query, string field)
    {
        using var client = await _data.ClientForAsync(await _data.EducatorAsync());

        var problem = await (await client.GetAsync($"/api/sessions{Fill(query)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Starts_beyond_the_two_year_horizon_are_refused_when_booking_and_rescheduling_from_the_api_and_the_dashboard()
    {
        var (educator, schoolClass) = await ClassAsync();
        var session = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(1));
        using var client = await _data.ClientForAsync(educator);
        var now = app.Time.GetUtcNow();
        var beyond = TestData.Iso(now.AddDays(731));

        var booked = await client.PostAsJsonAsync("/api/sessions", Booking(schoolClass.Id, start: beyond));
        var moved = await client.PatchAsJsonAsync($"/api/sessions/{session.Id}", new { scheduledStartTime = beyond });
        var fromTheDialog = await app.Services.GetRequiredService<SessionBookings>().CreateAsync(TestData.ActorFor(educator, AppRoles.Educator),
            new NewSession(schoolClass.Id, SessionType.Scheduled, "Far away", null, new DateTime(9999, 12, 31, 23, 59, 0, DateTimeKind.Utc), 30),
            CancellationToken.None);

        Assert.Contains("at most 730 days ahead", await ShouldNameAsync(booked, "scheduledStartTime"), StringComparison.Ordinal);
        Assert.Contains("at most 730 days ahead", await ShouldNameAsync(moved, "scheduledStartTime"), StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.ValidationFailed, fromTheDialog.Error?.Code);
        Assert.Equal(session.ScheduledStartUtc, (await _data.ReloadAsync(session.Id)).ScheduledStartUtc);
        using var within = await client.PostAsJsonAsync("/api/sessions", Booking(schoolClass.Id, start: TestData.Iso(now.AddDays(729))));
        Assert.Equal(HttpStatusCode.Created, within.StatusCode);
    }

    private async Task<(AppUser Educator, SchoolClass Class)> ClassAsync()
    {
        var educator = await _data.EducatorAsync();
        return (educator, await _data.ClassAsync(educator, await _data.StudentAsync()));
    }

    private object Booking(int classId, string title = "Algebra", string? description = null, string? start = null) => new
    {
        classId,
        title,
        description,
        type = "scheduled",
        scheduledStartTime = start ?? TestData.Iso(app.Time.GetUtcNow().AddDays(1)),
        durationMinutes = 30,
    };

    /// <summary>{start}: a valid start tomorrow; {date}: tomorrow's date.</summary>
    private string Fill(string template)
    {
        var tomorrow = app.Time.GetUtcNow().AddDays(1);
        return template
            .Replace("{start}", TestData.Iso(tomorrow), StringComparison.Ordinal)
            .Replace("{date}", tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Asserts a 400 <c>validation_failed</c> with an error for <paramref name="field"/>, and returns its message.</summary>
    private static async Task<string> ShouldNameAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        return messages[0].GetString()!;
    }

    private async Task NothingBookedAsync(int classId)
    {
        await using var db = await _data.DbAsync();
        Assert.False(await db.Sessions.AnyAsync(s => s.ClassId == classId));
    }
}
