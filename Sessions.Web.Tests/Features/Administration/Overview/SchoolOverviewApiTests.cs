using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Administration.Overview;

/// <summary><c>GET /api/admin/overview</c> over a school of its own, whose every session is known to the test.</summary>
public sealed class SchoolOverviewApiTests(SessionsAppFactory app) : IClassFixture<SessionsAppFactory>
{
    private readonly OverviewSchool _school = new(app);

    [Fact]
    public async Task Each_session_of_the_day_is_in_its_list_and_the_counts_are_of_the_whole_school()
    {
        var noon = await _school.StartDayAtNoonUtcAsync();
        var missedEarlier = await _school.ScheduledAsync(TimeSpan.FromHours(-3));
        await _school.ApplyDeadlinesAsync();
        var missedJustNow = await _school.ScheduledAsync(TimeSpan.FromMinutes(-40), durationMinutes: 30);
        var live = await _school.LiveAsync();
        await _school.JoinAsync(live);
        await _school.JoinAsync(live, live.Owner);
        var late = await _school.ScheduledAsync(TimeSpan.FromMinutes(-5));
        var soon = await _school.ScheduledAsync(TimeSpan.FromMinutes(30));
        var cancelled = await _school.ScheduledAsync(TimeSpan.FromMinutes(20));
        Assert.Null((await app.Services.GetRequiredService<SessionBookings>().CancelAsync(cancelled.Owner, cancelled.Session.Id, "Snow day", default)).Error);
        await _school.ScheduledAsync(TimeSpan.FromHours(3));
        await _school.ScheduledAsync(TimeSpan.FromHours(22));
        var done = await _school.LiveAsync();
        Assert.Null((await app.Services.GetRequiredService<SessionService>().EndAsync(done.Owner, done.Session.Id, default)).Error);
        using var client = await app.Data.ClientForAsync(await app.Data.AdminAsync());

        var overview = await (await client.GetAsync("/api/admin/overview")).ShouldBeOkAsync();

        Assert.Equal([live.Session.Id], IdsIn(overview, "live"));
        Assert.Equal([late.Session.Id, soon.Session.Id], IdsIn(overview, "startingSoon"));
        Assert.Equal([missedEarlier.Session.Id, missedJustNow.Session.Id], IdsIn(overview, "missed"));
        Assert.Equal((1, 2, 2, 1, 1), (Count(overview, "live"), Count(overview, "startingSoon"), Count(overview, "missed"),
            overview.GetProperty("laterToday").GetInt32(), overview.GetProperty("doneToday").GetInt32()));
        // The student in the room counts; its educator does not.
        var row = overview.GetProperty("live").GetProperty("sessions")[0];
        Assert.Equal(("in_progress", 1, live.Educator.DisplayName), (row.GetProperty("status").GetString(), row.GetProperty("participantCount").GetInt32(),
            row.GetProperty("host").GetProperty("displayName").GetString()));
        await using var db = await app.Data.DbAsync();
        var liveClass = await db.Classes.FindAsync(live.Session.ClassId);
        Assert.Equal(liveClass!.Code, row.GetProperty("class").GetProperty("code").GetString());
        Assert.Equal(noon.AddMinutes(-5), row.GetProperty("scheduledStartTime").GetDateTimeOffset().UtcDateTime);
        Assert.Equal(noon.AddMinutes(55), row.GetProperty("scheduledEndTime").GetDateTimeOffset().UtcDateTime);
        Assert.Equal(noon, row.GetProperty("startedAt").GetDateTimeOffset().UtcDateTime);
        Assert.EndsWith("+00:00", row.GetProperty("scheduledStartTime").GetString(), StringComparison.Ordinal);
        // The admins of TestData live in Paris: their day began at 23:00 UTC.
        Assert.Equal(("Europe/Paris", noon.Date.AddHours(-1)), (overview.GetProperty("timeZone").GetString(),
            overview.GetProperty("dayStart").GetDateTimeOffset().UtcDateTime));
    }

    [Fact]
    public async Task Today_is_the_admins_own_day()
    {
        var noon = await _school.StartDayAtNoonUtcAsync();
        // 08:00 UTC: 17:00 in Tokyo today, 22:00 yesterday in Honolulu. 11:00 UTC: today in both.
        var missedAtEight = await _school.ScheduledAsync(TimeSpan.FromHours(-4), durationMinutes: 30);
        var missedAtEleven = await _school.ScheduledAsync(TimeSpan.FromHours(-1), durationMinutes: 30);
        // 16:00 UTC: 01:00 tomorrow in Tokyo, 06:00 today in Honolulu.
        await _school.ScheduledAsync(TimeSpan.FromHours(4));

        var inTokyo = await OverviewOfAdminInAsync("Asia/Tokyo");
        var inHonolulu = await OverviewOfAdminInAsync("Pacific/Honolulu");

        Assert.Equal([missedAtEight.Session.Id, missedAtEleven.Session.Id], IdsIn(inTokyo, "missed"));
        Assert.Equal(0, inTokyo.GetProperty("laterToday").GetInt32());
        Assert.Equal(noon.Date.AddHours(-9), inTokyo.GetProperty("dayStart").GetDateTimeOffset().UtcDateTime);
        Assert.Equal([missedAtEleven.Session.Id], IdsIn(inHonolulu, "missed"));
        Assert.Equal(1, inHonolulu.GetProperty("laterToday").GetInt32());
        Assert.Equal(noon.Date.AddHours(10), inHonolulu.GetProperty("dayStart").GetDateTimeOffset().UtcDateTime);
    }

    [Theory]
    [InlineData(AppRoles.Educator)]
    [InlineData(AppRoles.Student)]
    public async Task Only_admins_may_read_it(string role)
    {
        using var client = await app.Data.ClientForAsync(await app.Data.UserAsync(role, "Not an admin"));

        await (await client.GetAsync("/api/admin/overview")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<JsonElement> OverviewOfAdminInAsync(string timeZone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateAsync($"admin-{Guid.NewGuid():N}@test.example", "Admin", timeZone, TestData.Password, AppRoles.Admin);
        using var client = await app.Data.ClientForAsync(admin);
        return await (await client.GetAsync("/api/admin/overview")).ShouldBeOkAsync();
    }

    private static int Count(JsonElement overview, string list) => overview.GetProperty(list).GetProperty("count").GetInt32();

    private static Guid[] IdsIn(JsonElement overview, string list) =>
        [.. overview.GetProperty(list).GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetGuid())];
}
