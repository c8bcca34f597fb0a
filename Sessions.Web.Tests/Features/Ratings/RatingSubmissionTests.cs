using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Ratings;

/// <summary>Who may rate a session, when, and how often.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class RatingSubmissionTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task An_attendee_rates_a_completed_session_once_and_reads_its_pending_state()
    {
        var scene = await RatingScene.CompletedAsync(app);
        var student = scene.Attendees[0];

        var response = await scene.RateAsync(app, student, RatingScene.Body(overall: 5, pace: 2, feedback: "  Clear, a bit fast.  "));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var rating = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("pending", rating.GetProperty("status").GetString());
        Assert.Equal(5, rating.GetProperty("overall").GetInt32());
        Assert.Equal(2, rating.GetProperty("criteria").GetProperty("pace").GetInt32());
        Assert.Equal("Clear, a bit fast.", rating.GetProperty("feedback").GetString());
        using var client = await _data.ClientForAsync(student);
        var mine = await (await client.GetAsync($"{scene.RatingsUrl}/mine")).ShouldBeOkAsync();
        Assert.Equal(rating.GetProperty("id").GetGuid(), mine.GetProperty("id").GetGuid());
        Assert.Equal("pending", mine.GetProperty("status").GetString());
        await (await scene.RateAsync(app, student, RatingScene.Body())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_rated");
    }

    [Fact]
    public async Task Those_who_may_not_rate_are_refused_with_their_reason()
    {
        var scene = await RatingScene.CompletedAsync(app);
        var outsider = await _data.StudentAsync("Outsider");
        var admin = await _data.AdminAsync();
        var body = RatingScene.Body();

        await (await scene.RateAsync(app, scene.Absentee, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "did_not_attend");
        await (await scene.RateAsync(app, outsider, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        await (await scene.RateAsync(app, scene.Educator, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "teachers_cannot_rate");
        await (await scene.RateAsync(app, admin, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "teachers_cannot_rate");
        using var absentee = await _data.ClientForAsync(scene.Absentee);
        await (await absentee.GetAsync($"{scene.RatingsUrl}/mine")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "rating_not_found");
    }

    [Fact]
    public async Task A_session_that_is_not_completed_cannot_be_rated()
    {
        var live = await RatingScene.CompletedAsync(app, complete: false);
        var cancelled = await app.SessionInAsync(SessionStatus.Cancelled);

        await (await live.RateAsync(app, live.Attendees[0], RatingScene.Body())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");
        using var student = await _data.ClientForAsync(cancelled.Student);
        await (await student.PostAsJsonAsync($"/api/sessions/{cancelled.Session.Id}/ratings", RatingScene.Body()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_completed");
    }

    [Fact]
    public async Task Invalid_scores_and_feedback_are_named_field_by_field_in_the_callers_language()
    {
        var scene = await RatingScene.CompletedAsync(app);
        using var client = await _data.ClientForAsync(scene.Attendees[0]);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");

        var problem = await (await client.PostAsJsonAsync(scene.RatingsUrl, new
            {
                overall = 6,
                criteria = new { contentClarity = 0, engagement = 3, pace = 3 },
                feedback = new string('x', 2001),
                anonymous = false,
            }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var errors = problem.GetProperty("errors");
        Assert.Equal(["criteria.audioVideoQuality", "criteria.contentClarity", "feedback", "overall"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("يجب أن تكون الدرجة بين ١ و٥.", errors.GetProperty("overall")[0].GetString());
        Assert.Equal("هذه الدرجة مطلوبة: من ١ إلى ٥.", errors.GetProperty("criteria.audioVideoQuality")[0].GetString());
        await using var db = await _data.DbAsync();
        Assert.False(await db.Ratings.AnyAsync(r => r.SessionId == scene.SessionId));
    }

    [Fact]
    public async Task Ten_racing_submissions_of_one_student_store_one_rating()
    {
        var scene = await RatingScene.CompletedAsync(app);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            clients.Add(await _data.ClientForAsync(scene.Attendees[0]));
        }

        // Signed in beforehand, so that the ten posts leave together and race for the same row.
        var replies = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            using var response = await client.PostAsJsonAsync(scene.RatingsUrl, RatingScene.Body(overall: 1 + (i % 5)));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Single(replies, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(replies.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Contains("\"already_rated\"", a.Body, StringComparison.Ordinal);
        });
        await using var db = await _data.DbAsync();
        Assert.Equal(1, await db.Ratings.CountAsync(r => r.SessionId == scene.SessionId));
        clients.ForEach(c => c.Dispose());
    }
}
