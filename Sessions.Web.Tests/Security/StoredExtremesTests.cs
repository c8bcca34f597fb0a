using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Security;

/// <summary>
/// Rows the API would refuse today can still be in the database (old data, an import, a hand-made fix): a session at
/// either end of <see cref="DateTime"/>'s range must not make any page, API read, token or the lifecycle worker fail.
/// Its own app, so the worker pass touches only these rows.
/// </summary>
public sealed class StoredExtremesTests(SessionsAppFactory app) : IClassFixture<SessionsAppFactory>
{
    public static readonly TheoryData<string, SessionStatus> Cases = new()
    {
        { "9999-12-31T23:59:00Z", SessionStatus.Scheduled },
        { "9999-12-31T23:59:00Z", SessionStatus.InProgress },
        { "9999-12-31T23:59:00Z", SessionStatus.EndRequestPending },
        { "9999-12-31T23:59:00Z", SessionStatus.Completed },
        { "9999-12-31T23:59:00Z", SessionStatus.Cancelled },
        { "0001-01-01T00:00:00Z", SessionStatus.Scheduled },
        { "0001-01-01T00:00:00Z", SessionStatus.InProgress },
        { "0001-01-01T00:00:00Z", SessionStatus.EndRequestPending },
    };

    private readonly TestData _data = app.Data;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_session_stored_at_the_end_of_time_breaks_no_page_api_token_or_worker(string instant, SessionStatus status)
    {
        var at = DateTime.SpecifyKind(DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal), DateTimeKind.Utc);
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        var session = await StoreAsync(schoolClass.Id, educator.Id, at, status);
        using var teacher = await _data.ClientForAsync(educator);
        using var pupil = await _data.ClientForAsync(student);

        var failures = new List<string>();

        await ReadEverythingAsync(failures, teacher, pupil, schoolClass.Id, session.Id);
        await CheckAsync(failures, pupil, HttpMethod.Post, $"/api/sessions/{session.Id}/join", okOnly: status.IsLive());
        foreach (var action in new[] { "join", "token", "leave", "start", "end", "cancel" })
        {
            await CheckAsync(failures, teacher, HttpMethod.Post, $"/api/sessions/{session.Id}/{action}", okOnly: false);
        }
        await app.Services.GetRequiredService<SessionDeadlines>().ApplyDueAsync(default);
        await ReadEverythingAsync(failures, teacher, pupil, schoolClass.Id, session.Id);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task ReadEverythingAsync(List<string> failures, HttpClient teacher, HttpClient pupil, int classId, Guid sessionId)
    {
        foreach (var path in new[] { "/educator", $"/sessions/{sessionId}/attendance", "/api/sessions", $"/api/sessions/{sessionId}",
                     $"/api/sessions/{sessionId}/attendance", $"/api/sessions/{sessionId}/attendance.csv", $"/api/classes/{classId}" })
        {
            await CheckAsync(failures, teacher, HttpMethod.Get, path, okOnly: true);
        }
        foreach (var path in new[] { "/student", $"/classes/{classId}", $"/sessions/{sessionId}/room", "/api/sessions" })
        {
            await CheckAsync(failures, pupil, HttpMethod.Get, path, okOnly: true);
        }
    }

    /// <summary>Reads answer 200; actions may refuse (a 4xx problem), but never fail.</summary>
    private static async Task CheckAsync(List<string> failures, HttpClient client, HttpMethod method, string path, bool okOnly)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path));
        if (okOnly ? response.StatusCode != HttpStatusCode.OK : (int)response.StatusCode >= 500)
        {
            failures.Add($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Straight into the table, past every rule of the services, as old data could be.</summary>
    private async Task<Session> StoreAsync(int classId, string educatorId, DateTime at, SessionStatus status)
    {
        var session = Session.Create(classId, educatorId, SessionType.Scheduled, "Edge of time", null, at, Session.MaxDurationMinutes, at);
        session.Status = status;
        session.ActualStartUtc = status is SessionStatus.Scheduled or SessionStatus.Cancelled ? null : at;
        session.WrapUpEndsUtc = status == SessionStatus.EndRequestPending ? at : null;
        session.ActualEndUtc = status == SessionStatus.Completed ? at : null;
        session.CancelledUtc = status == SessionStatus.Cancelled ? at : null;
        await using var db = await _data.DbAsync();
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }
}
