using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.LoadTest;

/// <summary>The seeded sessions still waiting to be started, read from the portal's database.</summary>
internal static class SeededSessions
{
    public static async Task<List<(Guid SessionId, string EducatorId)>> NotStartedAsync(string databasePath, int count)
    {
        var options = new DbContextOptionsBuilder<SessionsDbContext>().UseSqlite($"Data Source={Path.GetFullPath(databasePath)}").Options;
        await using var db = new SessionsDbContext(options);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled && s.Title.StartsWith("Load session"))
            .OrderBy(s => s.ClassId)
            .Take(count)
            .Select(s => new { s.Id, s.EducatorId })
            .ToListAsync();
        if (sessions.Count < count)
        {
            throw new InvalidOperationException($"Only {sessions.Count} seeded sessions are left to start; seed more (see docs/performance.md).");
        }
        return sessions.ConvertAll(s => (s.Id, s.EducatorId));
    }
}
