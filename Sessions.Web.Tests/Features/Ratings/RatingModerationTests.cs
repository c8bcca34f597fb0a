using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Ratings;

/// <summary>Admins approve or reject ratings; only approved ones reach the educator, and anonymous ones never name their author.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class RatingModerationTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Only_approved_ratings_reach_the_educator_and_make_the_averages()
    {
        var scene = await RatingScene.CompletedAsync(app, attendees: 3);
        var first = await RatingScene.IdOfAsync(await scene.RateAsync(app, scene.Attendees[0], RatingScene.Body(5, 5, 4, 3, 4)));
        var second = await RatingScene.IdOfAsync(await scene.RateAsync(app, scene.Attendees[1], RatingScene.Body(2, 4, 3, 2, 3)));
        var rejected = await RatingScene.IdOfAsync(await scene.RateAsync(app, scene.Attendees[2], RatingScene.Body(1, 1, 1, 1, 1, feedback: "Rude words")));
        var admin = await _data.AdminAsync();
        using var moderator = await _data.ClientForAsync(admin);
        using var educator = await _data.ClientForAsync(scene.Educator);

        var before = await (await educator.GetAsync(scene.RatingsUrl)).ShouldBeOkAsync();
        Assert.Equal(0, before.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("averages").GetProperty("overall").ValueKind);

        var pending = await (await moderator.GetAsync("/api/ratings?status=pending&pageSize=100")).ShouldBeOkAsync();
        var pendingIds = pending.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(first, pendingIds);
        Assert.Contains(rejected, pendingIds);
        var approved = await (await moderator.PostAsync($"/api/ratings/{first}/approve", null)).ShouldBeOkAsync();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        await (await moderator.PostAsync($"/api/ratings/{second}/approve", null)).ShouldBeOkAsync();
        await (await moderator.PostAsJsonAsync($"/api/ratings/{rejected}/reject", new { reason = " " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var refusal = await (await moderator.PostAsJsonAsync($"/api/ratings/{rejected}/reject", new { reason = "Insults a person." })).ShouldBeOkAsync();
        Assert.Equal("rejected", refusal.GetProperty("status").GetString());

        var after = await (await educator.GetAsync(scene.RatingsUrl)).ShouldBeOkAsync();
        Assert.Equal(2, after.GetProperty("count").GetInt32());
        var averages = after.GetProperty("averages");
        Assert.Equal(3.5, averages.GetProperty("overall").GetDouble());
        Assert.Equal(4.5, averages.GetProperty("contentClarity").GetDouble());
        Assert.Equal(3.5, averages.GetProperty("engagement").GetDouble());
        Assert.Equal(2.5, averages.GetProperty("audioVideoQuality").GetDouble());
        Assert.Equal(3.5, averages.GetProperty("pace").GetDouble());
        Assert.Equal([first, second], after.GetProperty("ratings").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order());
        var summary = await (await educator.GetAsync("/api/me/ratings-summary")).ShouldBeOkAsync();
        Assert.Equal(2, summary.GetProperty("count").GetInt32());
        Assert.Equal(1, summary.GetProperty("sessionsRated").GetInt32());
        Assert.Equal(3.5, summary.GetProperty("averages").GetProperty("overall").GetDouble());

        using var author = await _data.ClientForAsync(scene.Attendees[2]);
        var mine = await (await author.GetAsync($"{scene.RatingsUrl}/mine")).ShouldBeOkAsync();
        Assert.Equal("rejected", mine.GetProperty("status").GetString());
        Assert.Equal("Insults a person.", mine.GetProperty("rejectReason").GetString());
        await using var db = await _data.DbAsync();
        var audited = await db.AuditEntries.Where(e => e.TargetId == first.ToString() || e.TargetId == rejected.ToString())
            .Select(e => new { e.Action, e.ActorId }).ToListAsync();
        Assert.Equal([AuditActions.RatingApproved, AuditActions.RatingRejected], audited.Select(a => a.Action).Order(StringComparer.Ordinal));
        Assert.All(audited, a => Assert.Equal(admin.Id, a.ActorId));
    }

    [Fact]
    public async Task A_reviewed_rating_cannot_be_reviewed_again()
    {
        var scene = await RatingScene.CompletedAsync(app);
        var id = await RatingScene.IdOfAsync(await scene.RateAsync(app, scene.Attendees[0], RatingScene.Body()));
        using var moderator = await _data.ClientForAsync(await _data.AdminAsync());
        await (await moderator.PostAsync($"/api/ratings/{id}/approve", null)).ShouldBeOkAsync();

        await (await moderator.PostAsync($"/api/ratings/{id}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "rating_already_reviewed");
        await (await moderator.PostAsJsonAsync($"/api/ratings/{id}/reject", new { reason = "Changed my mind" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "rating_already_reviewed");
        await (await moderator.PostAsync($"/api/ratings/{Guid.NewGuid()}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "rating_not_found");
        await using var db = await _data.DbAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.TargetId == id.ToString()));
    }

    [Fact]
    public async Task An_anonymous_rating_names_its_author_in_no_answer()
    {
        var scene = await RatingScene.CompletedAsync(app, attendees: 2);
        var hidden = scene.Attendees[0];
        var named = scene.Attendees[1];
        var anonymousId = await RatingScene.IdOfAsync(await scene.RateAsync(app, hidden, RatingScene.Body(feedback: "Loved it", anonymous: true)));
        var namedId = await RatingScene.IdOfAsync(await scene.RateAsync(app, named, RatingScene.Body(feedback: "Fine")));
        using var moderator = await _data.ClientForAsync(await _data.AdminAsync());
        var moderation = await moderator.GetStringAsync("/api/ratings?status=pending&pageSize=100");
        await (await moderator.PostAsync($"/api/ratings/{anonymousId}/approve", null)).ShouldBeOkAsync();
        var approval = await (await moderator.PostAsync($"/api/ratings/{namedId}/approve", null)).ShouldBeOkAsync();
        using var educator = await _data.ClientForAsync(scene.Educator);

        var seen = await educator.GetStringAsync(scene.RatingsUrl);

        foreach (var answer in new[] { seen, moderation, (await moderator.GetStringAsync("/api/ratings?status=approved&pageSize=100")) })
        {
            Assert.DoesNotContain(hidden.Id, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden.DisplayName, answer, StringComparison.Ordinal);
        }
        Assert.Contains(named.DisplayName, seen, StringComparison.Ordinal);
        Assert.Equal(named.DisplayName, approval.GetProperty("student").GetProperty("displayName").GetString());
        var items = JsonDocument.Parse(seen).RootElement.GetProperty("ratings").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, items.Single(i => i.GetProperty("id").GetGuid() == anonymousId).GetProperty("student").ValueKind);
    }

    [Fact]
    public async Task The_moderation_list_pages_filters_by_status_and_refuses_an_unknown_one()
    {
        var scene = await RatingScene.CompletedAsync(app, attendees: 2);
        var approved = await RatingScene.IdOfAsync(await scene.RateAsync(app, scene.Attendees[0], RatingScene.Body()));
        await RatingScene.IdOfAsync(await scene.RateAsync(app, scene.Attendees[1], RatingScene.Body()));
        using var moderator = await _data.ClientForAsync(await _data.AdminAsync());
        await (await moderator.PostAsync($"/api/ratings/{approved}/approve", null)).ShouldBeOkAsync();

        await (await moderator.GetAsync("/api/ratings?status=lost")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var page = await (await moderator.GetAsync("/api/ratings?page=2&pageSize=1")).ShouldBeOkAsync();
        Assert.Equal((2, 1), (page.GetProperty("page").GetInt32(), page.GetProperty("items").GetArrayLength()));
        Assert.Equal(page.GetProperty("totalItems").GetInt32(), page.GetProperty("totalPages").GetInt32());
        var onlyApproved = await (await moderator.GetAsync("/api/ratings?status=approved&pageSize=100")).ShouldBeOkAsync();
        Assert.All(onlyApproved.GetProperty("items").EnumerateArray(), i => Assert.Equal("approved", i.GetProperty("status").GetString()));
        Assert.Contains(approved, onlyApproved.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }
}
