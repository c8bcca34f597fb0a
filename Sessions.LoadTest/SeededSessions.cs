using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Sessions;

namespace Sessions.LoadTest;

/// <summary>A seeded session still waiting to be started, with its class and the sign-in emails of its educator and students.</summary>
internal sealed record SeededSession(Guid SessionId, string EducatorId, string EducatorEmail, int ClassId, IReadOnlyList<string> StudentEmails)
{
    /// <summary>Everyone in the session's chat: the educator first, then the students.</summary>
    public IEnumerable<string> MemberEmails => StudentEmails.Prepend(EducatorEmail);
}

/// <summary>The seeded sessions still waiting to be started, read from the portal's database.</summary>
internal static class SeededSessions
{
    public static async Task<List<SeededSession>> NotStartedAsync(LoadDatabase database, int count)
    {
        await using var db = database.Open();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled && s.Title.StartsWith("Load session"))
            .Join(db.Users, s => s.EducatorId, u => u.Id, (s, u) => new { s.Id, s.EducatorId, u.Email, s.ClassId })
            .OrderBy(s => s.ClassId)
            .Take(count)
            .ToListAsync();
        if (sessions.Count < count)
        {
            throw new InvalidOperationException($"Only {sessions.Count} seeded sessions are left to start; seed more (see docs/performance.md).");
        }
        var classIds = sessions.ConvertAll(s => s.ClassId);
        var students = (await db.Enrollments.AsNoTracking()
                .Where(e => classIds.Contains(e.ClassId))
                .Select(e => new { e.ClassId, e.Student!.Email })
                .ToListAsync())
            .ToLookup(e => e.ClassId, e => e.Email!);
        return sessions.ConvertAll(s => new SeededSession(s.Id, s.EducatorId, s.Email!, s.ClassId, [.. students[s.ClassId].Order(StringComparer.Ordinal)]));
    }
}
