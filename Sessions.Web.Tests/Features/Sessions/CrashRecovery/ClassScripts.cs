using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>
/// What the people of one class do over and over until the burst is over. The educator works from two devices: one
/// starts and ends the seeded sessions in order, the other goes the other way and books an instant session each round,
/// which stays live until its next round — so the educator's sessions keep racing each other to go live. Students join
/// the session their educator got live last, and the seeded ones in turn (mostly refused: not live); every other student
/// also leaves again, so intervals are both open and closed when the kill comes.
/// </summary>
internal sealed class ClassScripts(CastClass cast)
{
    private const int InstantDurationMinutes = 60;

    /// <summary>The sessions the educator got live, the latest on top.</summary>
    private readonly ConcurrentStack<Guid> _started = new();

    private SeededClass Seeded => cast.Seeded;

    /// <summary>
    /// Outside the burst: the educator runs one instant session from start to end, as a portal that has been up for a
    /// while would have done, so that its notifier has a connection to Firestore when the burst begins.
    /// </summary>
    public async Task RunOneInstantSessionAsync(Uri portal)
    {
        using var http = new HttpClient { BaseAddress = portal };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cast.EducatorToken);
        using var created = await http.PostAsJsonAsync(SessionEndpoints.ApiGroup, InstantSession);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = IdOf(await created.Content.ReadFromJsonAsync<JsonElement>());
        using var ended = await http.PostAsync(new Uri(SessionPath(id, "end"), UriKind.Relative), null);
        await ended.ShouldBeOkAsync();
    }

    /// <summary>Every user's script: two for the educator, one per student.</summary>
    public IReadOnlyList<Func<CrashBurst, Task>> All() =>
    [
        burst => EducatorInOrderAsync(burst),
        burst => EducatorBookingInstantsAsync(burst),
        .. cast.StudentTokens.Select((token, n) => (Func<CrashBurst, Task>)(burst => StudentAsync(burst, token, leaves: n % 2 == 1))),
    ];

    private async Task EducatorInOrderAsync(CrashBurst burst)
    {
        while (true)
        {
            foreach (var sessionId in Seeded.SessionIds)
            {
                await StartAndEndAsync(burst, sessionId);
            }
        }
    }

    private async Task EducatorBookingInstantsAsync(CrashBurst burst)
    {
        Guid? live = null;
        while (true)
        {
            foreach (var sessionId in Seeded.SessionIds.Reverse())
            {
                if (live is { } instant)
                {
                    await burst.PostAsync(BurstCall.End, cast.EducatorToken, SessionPath(instant, "end"));
                }
                await StartAndEndAsync(burst, sessionId);
                live = await BookInstantAsync(burst);
            }
        }
    }

    private async Task StartAndEndAsync(CrashBurst burst, Guid sessionId)
    {
        var started = await burst.PostAsync(BurstCall.Start, cast.EducatorToken, SessionPath(sessionId, "start"));
        if (started.Status == StatusCodes.Status200OK)
        {
            _started.Push(sessionId);
        }
        await burst.PostAsync(BurstCall.End, cast.EducatorToken, SessionPath(sessionId, "end"));
    }

    private object InstantSession => new { classId = Seeded.ClassId, title = "Crash instant", type = "instant", durationMinutes = InstantDurationMinutes };

    /// <summary>The new session's id when the portal created (and so started) it; null when it refused.</summary>
    private async Task<Guid?> BookInstantAsync(CrashBurst burst)
    {
        var answer = await burst.PostAsync(BurstCall.Instant, cast.EducatorToken, SessionEndpoints.ApiGroup, InstantSession);
        if (answer is not { Status: StatusCodes.Status201Created, Body: { } created })
        {
            return null;
        }
        var id = IdOf(created);
        _started.Push(id);
        return id;
    }

    private static Guid IdOf(JsonElement session) => session.GetProperty("id").GetGuid();

    private async Task StudentAsync(CrashBurst burst, string token, bool leaves)
    {
        while (true)
        {
            foreach (var seeded in Seeded.SessionIds)
            {
                foreach (var sessionId in _started.TryPeek(out var latest) ? [latest, seeded] : new[] { seeded })
                {
                    await burst.PostAsync(BurstCall.Join, token, SessionPath(sessionId, "join"));
                    if (leaves)
                    {
                        await burst.PostAsync(BurstCall.Leave, token, SessionPath(sessionId, "leave"));
                    }
                }
            }
        }
    }

    private static string SessionPath(Guid sessionId, string action) => $"{SessionEndpoints.ApiGroup}/{sessionId}/{action}";
}
