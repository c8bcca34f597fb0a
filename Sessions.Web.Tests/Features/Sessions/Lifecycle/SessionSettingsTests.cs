using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video.AccessTokens;
using Sessions.Web.Features.Video;
using Sessions.Web.Tests.Features.Video.AccessTokens;
using Sessions.Web.Tests.Features.Video;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

/// <summary>Class defaults, per-session overrides, the effective values, and what the room enforces of them.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionSettingsTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public void An_override_wins_and_a_missing_one_follows_the_class()
    {
        var classDefaults = new SessionSettings(ChatEnabled: true, MaxParticipants: 30, StudentMediaEnabled: true, RecordingEnabled: false);

        var effective = new SessionSettingOverrides(ChatEnabled: false, MaxParticipants: null, StudentMediaEnabled: null, RecordingEnabled: true)
            .Over(classDefaults);

        Assert.Equal(new SessionSettings(false, 30, true, true), effective);
        Assert.Equal(classDefaults, SessionSettingOverrides.None.Over(classDefaults));
    }

    [Fact]
    public async Task The_api_shows_the_overrides_and_the_effective_values_over_the_class_defaults()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        await SetClassDefaultsAsync(schoolClass, maxParticipants: 8, recording: true);
        using var client = await _data.ClientForAsync(educator);

        var created = await client.PostAsJsonAsync("/api/sessions", new
        {
            classId = schoolClass.Id, title = "Lab", type = "scheduled", durationMinutes = 30,
            scheduledStartTime = TestData.Iso(app.Time.GetUtcNow().AddHours(1)), settings = new { chatEnabled = false },
        });
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var settings = (await (await client.GetAsync($"/api/sessions/{id}")).ShouldBeOkAsync()).GetProperty("settings");

        Assert.Equal("""{"chatEnabled":false,"maxParticipants":null,"studentMediaEnabled":null,"recordingEnabled":null,"effectiveChatEnabled":false,"effectiveMaxParticipants":8,"effectiveStudentMediaEnabled":true,"effectiveRecordingEnabled":true}""",
            settings.GetRawText());
    }

    [Fact]
    public async Task The_class_educator_changes_the_defaults_and_sessions_without_overrides_follow()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        var session = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(1));
        using var client = await _data.ClientForAsync(educator);
        using var stranger = await _data.ClientForAsync(await _data.EducatorAsync());
        var defaults = new { chatEnabled = false, maxParticipants = 25, studentMediaEnabled = false, recordingEnabled = true };

        await (await client.PutAsJsonAsync($"/api/classes/{schoolClass.Id}/session-defaults", defaults)).ShouldBeOkAsync();
        await (await stranger.PutAsJsonAsync($"/api/classes/{schoolClass.Id}/session-defaults", defaults))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_class_owner");
        var missing = await (await client.PutAsJsonAsync($"/api/classes/{schoolClass.Id}/session-defaults", new { maxParticipants = 0 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["chatEnabled", "recordingEnabled", "studentMediaEnabled"], missing.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        var settings = (await (await client.GetAsync($"/api/sessions/{session.Id}")).ShouldBeOkAsync()).GetProperty("settings");
        Assert.Equal((false, 25, false, true), (settings.GetProperty("effectiveChatEnabled").GetBoolean(),
            settings.GetProperty("effectiveMaxParticipants").GetInt32(), settings.GetProperty("effectiveStudentMediaEnabled").GetBoolean(),
            settings.GetProperty("effectiveRecordingEnabled").GetBoolean()));
        var classDefaults = (await (await client.GetAsync($"/api/classes/{schoolClass.Id}")).ShouldBeOkAsync()).GetProperty("sessionDefaults");
        Assert.Equal(25, classDefaults.GetProperty("maxParticipants").GetInt32());
    }

    [Fact]
    public async Task A_full_room_refuses_the_next_student_but_never_the_educator()
    {
        var (educator, students, session) = await LiveSessionAsync(studentCount: 3, new SessionSettingOverrides(null, 2, null, null));
        using var teacher = await _data.ClientForAsync(educator);
        var clients = new List<HttpClient>();
        foreach (var student in students)
        {
            clients.Add(await _data.ClientForAsync(student));
        }

        await (await clients[0].PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        await (await clients[1].PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        var problem = await (await clients[2].PostAsync($"/api/sessions/{session.Id}/join", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_full");
        await (await teacher.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        await (await clients[1].PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();

        Assert.Equal(2, problem.GetProperty("maxParticipants").GetInt32());
        await using (var db = await _data.DbAsync())
        {
            var refusal = await db.ActivityEntries.SingleAsync(e => e.SessionId == session.Id && e.Kind == ActivityKinds.JoinRefused);
            Assert.Equal(students[2].Id, refusal.ActorId);
            Assert.Contains("session_full", refusal.Data);
        }
        await clients[0].PostAsync($"/api/sessions/{session.Id}/leave", null);
        await (await clients[2].PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Racing_joins_never_overfill_the_room()
    {
        var (_, students, session) = await LiveSessionAsync(studentCount: 8, new SessionSettingOverrides(null, 3, null, null));
        var rooms = app.Services.GetRequiredService<RoomService>();

        var joins = await Task.WhenAll(students.Select(s =>
            Task.Run(() => rooms.JoinAsync(TestData.ActorFor(s, AppRoles.Student), session.Id, CancellationToken.None))));

        Assert.Equal(3, joins.Count(j => j.Error is null));
        Assert.All(joins.Where(j => j.Error is not null), j => Assert.Equal("session_full", j.Error!.Code));
    }

    [Fact]
    public async Task With_student_media_off_students_get_subscriber_tokens_and_the_educator_still_publishes()
    {
        var (educator, students, session) = await LiveSessionAsync(studentCount: 1, new SessionSettingOverrides(null, null, false, null));
        using var student = await _data.ClientForAsync(students[0]);
        using var teacher = await _data.ClientForAsync(educator);

        var watcher = await (await student.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        var host = await (await teacher.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();

        Assert.Equal(("subscriber", "publisher"), (watcher.GetProperty("role").GetString(), host.GetProperty("role").GetString()));
        Assert.Equal([AgoraPrivilege.JoinChannel], RtcPrivileges(watcher.GetProperty("rtcToken").GetString()!));
    }

    private static IEnumerable<ushort> RtcPrivileges(string token) =>
        Assert.IsType<RtcTokenService>(AccessToken2Parser.Parse(token).Services.Single(s => s is RtcTokenService)).Privileges.Keys;

    private async Task<(AppUser Educator, List<AppUser> Students, Session Session)> LiveSessionAsync(int studentCount, SessionSettingOverrides settings)
    {
        var educator = await _data.EducatorAsync();
        var students = new List<AppUser>();
        for (var i = 0; i < studentCount; i++)
        {
            students.Add(await _data.StudentAsync($"Student {i}"));
        }
        var schoolClass = await _data.ClassAsync(educator, [.. students]);
        var created = await app.Services.GetRequiredService<SessionBookings>().CreateAsync(TestData.ActorFor(educator, AppRoles.Educator),
            new NewSession(schoolClass.Id, SessionType.Instant, "Lab", null, null, 30, settings), CancellationToken.None);
        return (educator, students, await _data.ReloadAsync(created.Value!.Id));
    }

    private async Task SetClassDefaultsAsync(SchoolClass schoolClass, int maxParticipants, bool recording)
    {
        await using var db = await _data.DbAsync();
        var stored = await db.Classes.FindAsync(schoolClass.Id);
        stored!.SessionDefaults = stored.SessionDefaults with { MaxParticipants = maxParticipants, RecordingEnabled = recording };
        await db.SaveChangesAsync();
    }
}
