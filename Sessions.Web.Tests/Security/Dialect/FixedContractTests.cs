using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Security.Dialect;

/// <summary>
/// The two contracts fixed by others keep their exact shape: every member, in order, at every level. Their DTOs are frozen
/// types of their own, so a change to the portal's dialect cannot reach them; this says so if one ever does.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class FixedContractTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    /// <summary>Version 6 of the mobile apps, camelCase and flat.</summary>
    public static readonly IReadOnlyList<string> MobileStart =
        ["actualStartDate", "rtcToken", "rtmToken", "sessionId", "startedSessionDuration", "channelName", "rtcUid", "appId"];

    /// <summary>The seed-001 envelope, snake_case inside.</summary>
    public static readonly IReadOnlyList<string> Seed001Start =
    [
        "success", "data",
        "data.session", "data.session.id", "data.session.title", "data.session.description", "data.session.status", "data.session.type",
        "data.session.scheduled_start_time", "data.session.started_at", "data.session.ended_at", "data.session.duration",
        "data.session.wrap_up_ends_at", "data.session.cancelled_at", "data.session.cancellation_reason",
        "data.session.settings", "data.session.settings.chat_enabled", "data.session.settings.max_participants",
        "data.session.settings.student_media_enabled", "data.session.settings.recording_enabled",
        "data.session.settings.effective_chat_enabled", "data.session.settings.effective_max_participants",
        "data.session.settings.effective_student_media_enabled", "data.session.settings.effective_recording_enabled",
        "data.session.class", "data.session.class.id", "data.session.class.name", "data.session.class.subject", "data.session.class.enrolled_count",
        "data.session.host", "data.session.host.id", "data.session.host.display_name",
        "data.agora", "data.agora.app_id", "data.agora.channel", "data.agora.rtc_uid", "data.agora.rtc_token", "data.agora.rtm_token",
        "data.agora.expires_at",
        "data.started_session_duration",
        "timestamp",
    ];

    [Fact]
    public async Task The_mobile_start_keeps_its_version_6_shape()
    {
        var (client, educatorId, sessionId) = await StartableAsync();
        using (client)
        {
            var reply = await (await MobileApi.StartAsync(client, educatorId, sessionId)).ShouldBeOkAsync();

            Assert.Equal(MobileStart, JsonMembers.PathsOf(reply));
        }
    }

    [Fact]
    public async Task The_portal_start_keeps_the_seed_001_envelope()
    {
        var (client, _, sessionId) = await StartableAsync();
        using (client)
        {
            var reply = await (await client.PostAsync($"/api/sessions/{sessionId}/start", null)).ShouldBeOkAsync();

            Assert.Equal(Seed001Start, JsonMembers.PathsOf(reply));
            Assert.True(reply.GetProperty("success").GetBoolean());
        }
    }

    private async Task<(HttpClient Client, string EducatorId, Guid SessionId)> StartableAsync()
    {
        var educator = await _data.EducatorAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, await _data.StudentAsync()));
        return (await _data.ClientForAsync(educator), educator.Id, session.Id);
    }
}
