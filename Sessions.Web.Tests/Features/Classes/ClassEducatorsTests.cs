using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Classes;

/// <summary>
/// A class's co-educators (<c>POST</c>/<c>DELETE /api/classes/{id}/educators</c>): chosen by its owner or an admin,
/// recorded in the audit trail, shown in the class's reads, and heard live at once.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ClassEducatorsTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Adding_a_co_educator_answers_201_with_the_classs_educators_then_200_and_is_recorded_once()
    {
        var owner = await _data.EducatorAsync("Ms. Owner");
        var coEducator = await _data.EducatorAsync("Mr. Beside");
        var schoolClass = await _data.ClassAsync(owner, await _data.StudentAsync());
        var admin = await _data.AdminAsync();
        using var asAdmin = await _data.ClientForAsync(admin);

        var added = await asAdmin.PostAsJsonAsync(PathOf(schoolClass.Id), new { userId = coEducator.Id });
        var again = await asAdmin.PostAsJsonAsync(PathOf(schoolClass.Id), new { userId = coEducator.Id });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var educators = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(owner.Id, educators.GetProperty("educator").GetProperty("id").GetString());
        var listed = Assert.Single(educators.GetProperty("coEducators").EnumerateArray());
        Assert.Equal(coEducator.Id, listed.GetProperty("id").GetString());
        Assert.Equal("Mr. Beside", listed.GetProperty("displayName").GetString());
        Assert.Equal(educators.ToString(), (await again.ShouldBeOkAsync()).ToString());
        await using var db = await _data.DbAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.TargetId == Target(schoolClass.Id) && e.Action == AuditActions.ClassCoEducatorAdded);
        Assert.Equal(admin.Id, entry.ActorId);
        Assert.Equal("[]", entry.Before);
        Assert.Equal($"[\"{coEducator.Id}\"]", entry.After);
    }

    [Fact]
    public async Task Class_reads_name_the_co_educators()
    {
        var owner = await _data.EducatorAsync();
        var coEducator = await _data.EducatorAsync("Mr. Beside");
        var schoolClass = await _data.ClassAsync(owner, await _data.StudentAsync());
        await _data.CoEducatorAsync(schoolClass.Id, coEducator);
        using var asAdmin = await _data.ClientForAsync(await _data.AdminAsync());
        using var asOwner = await _data.ClientForAsync(owner);

        var read = await (await asOwner.GetAsync($"/api/classes/{schoolClass.Id}")).ShouldBeOkAsync();
        var page = await (await asAdmin.GetAsync($"/api/admin/classes?search={schoolClass.Code}")).ShouldBeOkAsync();

        Assert.Equal(coEducator.Id, Assert.Single(read.GetProperty("coEducators").EnumerateArray()).GetProperty("id").GetString());
        var row = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Mr. Beside", Assert.Single(row.GetProperty("coEducators").EnumerateArray()).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task The_owner_removes_a_co_educator_and_removing_one_who_is_not_changes_nothing()
    {
        var owner = await _data.EducatorAsync();
        var coEducator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(owner);
        await _data.CoEducatorAsync(schoolClass.Id, coEducator);
        using var asOwner = await _data.ClientForAsync(owner);

        Assert.Equal(HttpStatusCode.NoContent, (await asOwner.DeleteAsync($"{PathOf(schoolClass.Id)}/{coEducator.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await asOwner.DeleteAsync($"{PathOf(schoolClass.Id)}/{coEducator.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await asOwner.DeleteAsync($"{PathOf(schoolClass.Id)}/no-such-user")).StatusCode);

        await using var db = await _data.DbAsync();
        Assert.False(await db.ClassCoEducators.AnyAsync(c => c.ClassId == schoolClass.Id));
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.TargetId == Target(schoolClass.Id) && e.Action == AuditActions.ClassCoEducatorRemoved);
        Assert.Equal(owner.Id, entry.ActorId);
        Assert.Equal($"[\"{coEducator.Id}\"]", entry.Before);
        Assert.Equal("[]", entry.After);
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_chooses_co_educators()
    {
        var owner = await _data.EducatorAsync();
        var coEducator = await _data.EducatorAsync();
        var candidate = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(owner);
        await _data.CoEducatorAsync(schoolClass.Id, coEducator);
        using var asCoEducator = await _data.ClientForAsync(coEducator);
        using var asOtherEducator = await _data.ClientForAsync(await _data.EducatorAsync());
        using var asStudent = await _data.ClientForAsync(await _data.StudentAsync());
        using var anonymous = app.CreateClient();

        foreach (var client in new[] { asCoEducator, asOtherEducator })
        {
            await (await client.PostAsJsonAsync(PathOf(schoolClass.Id), new { userId = candidate.Id }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_class_owner");
            await (await client.DeleteAsync($"{PathOf(schoolClass.Id)}/{coEducator.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_class_owner");
        }
        await (await asStudent.PostAsJsonAsync(PathOf(schoolClass.Id), new { userId = candidate.Id })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await anonymous.PostAsJsonAsync(PathOf(schoolClass.Id), new { userId = candidate.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        await using var db = await _data.DbAsync();
        Assert.Equal([coEducator.Id], await db.ClassCoEducators.Where(c => c.ClassId == schoolClass.Id).Select(c => c.EducatorId).ToListAsync());
    }

    [Fact]
    public async Task Each_refusal_has_its_code_and_writes_nothing()
    {
        var owner = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(owner, student);
        var archived = await _data.ClassAsync(owner);
        var deactivated = await _data.EducatorAsync();
        using var asAdmin = await _data.ClientForAsync(await _data.AdminAsync());
        using var asOwner = await _data.ClientForAsync(owner);
        await (await asAdmin.PostAsync($"/api/admin/users/{deactivated.Id}/deactivate", null)).ShouldBeOkAsync();
        await (await asAdmin.PostAsync($"/api/classes/{archived.Id}/archive", null)).ShouldBeOkAsync();
        var educator = await _data.EducatorAsync();

        await (await asOwner.PostAsJsonAsync(PathOf(int.MaxValue), new { userId = educator.Id })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "class_not_found");
        await (await asOwner.DeleteAsync($"{PathOf(int.MaxValue)}/{educator.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "class_not_found");
        await (await asOwner.PostAsJsonAsync(PathOf(schoolClass.Id), new { userId = "no-such-user" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await asOwner.PostAsJsonAsync(PathOf(archived.Id), new { userId = educator.Id })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "class_archived");
        foreach (var (userId, why) in new (string?, string)[]
                 {
                     (null, "missing"), ("", "empty"), ("bad\0id", "a control character"), (student.Id, "a student"),
                     (deactivated.Id, "a deactivated educator"), (owner.Id, "the owner"),
                 })
        {
            var problem = await (await asOwner.PostAsJsonAsync(PathOf(schoolClass.Id), new { userId }))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(ClassEducators.UserIdField, out _), why);
        }
        await using var db = await _data.DbAsync();
        Assert.False(await db.ClassCoEducators.AnyAsync(c => c.ClassId == schoolClass.Id || c.ClassId == archived.Id));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.TargetId == Target(schoolClass.Id) || (e.TargetId == Target(archived.Id)
            && e.Action != AuditActions.ClassArchived)));
    }

    [Fact]
    public async Task A_co_educators_connection_hears_the_class_once_added_and_no_longer_once_removed()
    {
        var owner = await _data.EducatorAsync();
        var coEducator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(owner, await _data.StudentAsync());
        var otherClass = await _data.ClassAsync(await _data.EducatorAsync(), await _data.StudentAsync());
        var first = await _data.SessionAsync(schoolClass);
        var second = await _data.SessionAsync(schoolClass, TimeSpan.FromMinutes(1));
        var inOtherClass = await _data.SessionAsync(otherClass);
        await _data.CoEducatorAsync(otherClass.Id, coEducator);
        await using var listener = await LiveListener.ConnectAsync(app, coEducator);
        using var asOwner = await _data.ClientForAsync(owner);

        Assert.Equal(HttpStatusCode.Created, (await asOwner.PostAsJsonAsync(PathOf(schoolClass.Id), new { userId = coEducator.Id })).StatusCode);
        Assert.Equal(new MembershipChangedMessage(schoolClass.Id, Enrolled: true), await listener.NextAsync<MembershipChangedMessage>());
        await StartAsync(owner, first.Id);
        Assert.Equal(first.Id, (await listener.NextAsync<SessionStartedMessage>()).SessionId);
        await EndAsync(owner, first.Id);
        Assert.Equal(first.Id, (await listener.NextAsync<SessionEndedMessage>()).SessionId);

        Assert.Equal(HttpStatusCode.NoContent, (await asOwner.DeleteAsync($"{PathOf(schoolClass.Id)}/{coEducator.Id}")).StatusCode);
        Assert.Equal(new MembershipChangedMessage(schoolClass.Id, Enrolled: false), await listener.NextAsync<MembershipChangedMessage>());
        await StartAsync(owner, second.Id);
        await StartAsync(coEducator, inOtherClass.Id);
        // Events to one connection arrive in order: had the class's start reached it, it would come before the other class's.
        Assert.Equal(inOtherClass.Id, (await listener.NextAsync<SessionStartedMessage>()).SessionId);
    }

    private async Task StartAsync(AppUser educator, Guid sessionId)
    {
        using var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{sessionId}/start", null)).ShouldBeOkAsync();
    }

    private async Task EndAsync(AppUser educator, Guid sessionId)
    {
        using var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{sessionId}/end", null)).ShouldBeOkAsync();
    }

    private static string PathOf(int classId) => $"/api/classes/{classId}/educators";

    private static string Target(int classId) => classId.ToString(CultureInfo.InvariantCulture);
}
