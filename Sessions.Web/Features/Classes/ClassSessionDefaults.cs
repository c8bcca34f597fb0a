using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Classes;

/// <summary>
/// A class's session defaults, which its sessions follow unless they override a setting. A change applies to every
/// session that does not override it, including one already live (the next student to join meets the new maximum).
/// </summary>
public sealed class ClassSessionDefaults(IDbContextFactory<SessionsDbContext> dbFactory)
{
    public async Task<Result<SessionSettings>> UpdateAsync(SessionActor actor, int classId, SessionSettings defaults, CancellationToken ct)
    {
        var errors = new FieldErrors();
        SessionRules.CheckMaxParticipants(errors, "maxParticipants", defaults.MaxParticipants);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owned = await ClassMembership.OwnedClassAsync(db, actor, classId, ct);
        if (owned.Error is { } refused)
        {
            return refused;
        }
        // Through the one write path, so whatever a change of defaults comes to owe (an activity entry) is kept with it.
        await ResilientTransaction.ExecuteAsync(db, async () => await db.Classes.Where(c => c.Id == classId).ExecuteUpdateAsync(u => u.SetProperty(c => c.SessionDefaults, defaults), ct) == 1, afterCommit: null, ct);
        return defaults;
    }
}
