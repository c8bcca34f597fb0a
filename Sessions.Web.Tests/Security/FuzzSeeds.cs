using System.Text.Json.Nodes;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Security;

/// <summary>A valid request to one JSON endpoint: who sends it, where, and the body the fuzzer mutates.</summary>
public sealed record FuzzSeed(HttpClient Client, string Path, JsonObject Body, string? ApiVersion = null);

/// <summary>
/// Every JSON endpoint's seed request, keyed "METHOD route pattern" as the app's endpoint data source names it. A JSON
/// endpoint without a row here fails the fuzz tests: add one that the endpoint accepts as it is.
/// </summary>
public static class FuzzSeeds
{
    public static readonly IReadOnlyDictionary<string, Func<FuzzWorld, FuzzSeed>> ByEndpoint = new Dictionary<string, Func<FuzzWorld, FuzzSeed>>
    {
        ["POST /api/auth/login"] = w => new(w.Anonymous, "/api/auth/login",
            new JsonObject { ["email"] = w.SignInEmail, ["password"] = TestData.Password }),
        ["POST /api/auth/refresh"] = w => new(w.Anonymous, "/api/auth/refresh", new JsonObject { ["refreshToken"] = w.RefreshToken }),
        ["POST /api/auth/revoke"] = w => new(w.Anonymous, "/api/auth/revoke", new JsonObject { ["refreshToken"] = w.RefreshTokenToRevoke }),
        ["PUT /api/me/preferences/"] = w => new(w.Educator, "/api/me/preferences",
            new JsonObject { ["culture"] = "en", ["clock"] = "h23", ["digits"] = "latn" }),
        ["POST /sessions/start"] = w => new(w.Educator, "/sessions/start",
            new JsonObject { ["educatorId"] = w.EducatorId, ["sessionId"] = w.SessionToStart }, ApiVersion: "6"),
        ["POST /api/sessions/"] = w => new(w.Educator, "/api/sessions", new JsonObject
        {
            ["classId"] = w.ClassId,
            ["title"] = "Fractions",
            ["description"] = "Bring a ruler",
            ["type"] = "scheduled",
            ["scheduledStartTime"] = w.Tomorrow,
            ["durationMinutes"] = 45,
            ["settings"] = new JsonObject { ["chatEnabled"] = true, ["maxParticipants"] = 20, ["studentMediaEnabled"] = false },
            ["recurrence"] = new JsonObject { ["daysOfWeek"] = new JsonArray("monday", "thursday"), ["count"] = 3 },
        }),
        ["PATCH /api/sessions/{id}"] = w => new(w.Educator, $"/api/sessions/{w.SessionToEdit}", new JsonObject
        {
            ["title"] = "Fractions, part 2",
            ["description"] = "Bring:\n- a ruler",
            ["scheduledStartTime"] = w.Tomorrow,
            ["durationMinutes"] = 50,
            ["settings"] = new JsonObject { ["recordingEnabled"] = true },
        }),
        ["POST /api/sessions/{id}/cancel"] = w => new(w.Educator, $"/api/sessions/{w.SessionToCancel}/cancel",
            new JsonObject { ["reason"] = "Teacher training day" }),
        ["PATCH /api/series/{id:guid}"] = w => new(w.Educator, $"/api/series/{w.SeriesToEdit}", new JsonObject
        {
            ["fromSessionId"] = w.SeriesSessionToEdit,
            ["title"] = "Fractions, from now on",
            ["description"] = "Room 12",
            ["durationMinutes"] = 50,
            ["startTime"] = "10:30",
        }),
        ["POST /api/series/{id:guid}/cancel"] = w => new(w.Educator, $"/api/series/{w.SeriesToCancel}/cancel",
            new JsonObject { ["fromSessionId"] = null, ["reason"] = "The course ends early" }),
        // The admin extends the live session whose chat is fuzzed below; once it reaches the longest booking, extension_limit.
        ["POST /api/sessions/{id}/extend"] = w => new(w.Admin, $"/api/sessions/{w.SessionToChatIn}/extend", new JsonObject { ["minutes"] = 5 }),
        // The admin (who teaches every class and is never rate limited) writes to a live session's chat.
        ["POST /api/sessions/{id}/messages"] = w => new(w.Admin, $"/api/sessions/{w.SessionToChatIn}/messages", new JsonObject
        {
            ["clientMessageId"] = "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            ["text"] = "Question 3, page 12",
            ["attachmentIds"] = new JsonArray(),
        }),
        ["POST /api/sessions/{id}/ratings"] = w => new(w.Rater, $"/api/sessions/{w.SessionToRate}/ratings", new JsonObject
        {
            ["overall"] = 4,
            ["criteria"] = new JsonObject { ["contentClarity"] = 5, ["engagement"] = 4, ["audioVideoQuality"] = 3, ["pace"] = 4 },
            ["feedback"] = "Clear examples; a little fast.",
            ["anonymous"] = true,
        }),
        ["PUT /api/sessions/{id}/report"] = w => new(w.Admin, $"/api/sessions/{w.SessionToRate}/report", new JsonObject
        {
            ["summary"] = "We worked through **equivalent fractions**.",
            ["recommendations"] = "- Revise pages 12-14",
            ["shareWithStudents"] = true,
        }),
        ["POST /api/ratings/{id}/reject"] = w => new(w.Admin, $"/api/ratings/{w.RatingToReject}/reject",
            new JsonObject { ["reason"] = "Names a classmate." }),
        ["POST /api/sessions/{id}/logs"] = w => new(w.Admin, $"/api/sessions/{w.SessionToChatIn}/logs",
            new JsonObject { ["kind"] = "note", ["text"] = "Projector down for five minutes" }),
        ["POST /api/sessions/{id}/logs/media"] = w => new(w.Admin, $"/api/sessions/{w.SessionToChatIn}/logs/media",
            new JsonObject { ["camera"] = true, ["microphone"] = false }),
        ["PUT /api/classes/{id:int}/session-defaults"] = w => new(w.Educator, $"/api/classes/{w.ClassId}/session-defaults", new JsonObject
        {
            ["chatEnabled"] = false,
            ["maxParticipants"] = 30,
            ["studentMediaEnabled"] = true,
            ["recordingEnabled"] = false,
        }),
        ["POST /api/classes/{id:int}/students"] = w => new(w.Educator, $"/api/classes/{w.ClassId}/students",
            new JsonObject { ["userId"] = w.StudentToEnrol }),
        ["POST /api/classes/{id:int}/educators"] = w => new(w.Educator, $"/api/classes/{w.ClassId}/educators",
            new JsonObject { ["userId"] = w.CoEducatorToAdd }),
        ["POST /api/classes/"] = w => new(w.Admin, "/api/classes", new JsonObject
        {
            ["name"] = "Fuzzed Class",
            ["code"] = "FUZZ-1",
            ["subject"] = "Fuzzing",
            ["educatorId"] = w.EducatorId,
        }),
        ["PATCH /api/classes/{id:int}"] = w => new(w.Admin, $"/api/classes/{w.ClassId}", new JsonObject
        {
            ["name"] = "Fuzzed Class, renamed",
            ["code"] = "FUZZ-2",
            ["subject"] = "Fuzzing",
            ["educatorId"] = w.EducatorId,
        }),
        ["POST /api/admin/users"] = w => new(w.Admin, "/api/admin/users", new JsonObject
        {
            ["email"] = "fuzzed-new-account@test.example",
            ["displayName"] = "Fuzzed Account",
            ["roles"] = new JsonArray("Student"),
            ["timeZone"] = "Europe/Paris",
        }),
        ["PATCH /api/admin/users/{id}"] = w => new(w.Admin, $"/api/admin/users/{w.UserToEdit}", new JsonObject
        {
            ["displayName"] = "Fuzzy Student, renamed",
            ["roles"] = new JsonArray("Student"),
            ["timeZone"] = "America/New_York",
        }),
    };
}
