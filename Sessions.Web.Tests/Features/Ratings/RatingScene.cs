using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Ratings;

/// <summary>
/// A session of a fresh class run through the app's own services and endpoints: started, joined by the attendees (each one
/// attendance interval), and ended, so that it is completed; the absentee is enrolled and never joined.
/// </summary>
public sealed record RatingScene(AppUser Educator, IReadOnlyList<AppUser> Attendees, AppUser Absentee, Session Session)
{
    public Guid SessionId => Session.Id;

    public string RatingsUrl => $"/api/sessions/{SessionId}/ratings";

    public static async Task<RatingScene> CompletedAsync(SessionsAppFactory app, int attendees = 1, bool complete = true)
    {
        var data = app.Data;
        var educator = await data.EducatorAsync();
        var present = new List<AppUser>();
        for (var i = 0; i < attendees; i++)
        {
            present.Add(await data.StudentAsync($"Attendee {i + 1} {Guid.NewGuid():N}"[..20]));
        }
        var absentee = await data.StudentAsync("Absentee");
        var session = await data.SessionAsync(await data.ClassAsync(educator, [.. present, absentee]));
        var owner = TestData.ActorFor(educator, AppRoles.Educator);
        var sessions = app.Services.GetRequiredService<SessionService>();
        Assert.Null((await sessions.StartAsync(owner, session.Id, default)).Error);
        foreach (var student in present)
        {
            using var client = await data.ClientForAsync(student);
            await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeOkAsync();
        }
        if (complete)
        {
            Assert.Null((await sessions.EndAsync(owner, session.Id, default)).Error);
        }
        return new RatingScene(educator, present, absentee, session);
    }

    public static object Body(int overall = 4, int clarity = 4, int engagement = 4, int audioVideo = 4, int pace = 4,
        string? feedback = null, bool anonymous = false) =>
        new { overall, criteria = new { contentClarity = clarity, engagement, audioVideoQuality = audioVideo, pace }, feedback, anonymous };

    /// <summary>The id of the rating a submission stored (asserting that it did).</summary>
    public static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> RateAsync(SessionsAppFactory app, AppUser student, object body)
    {
        using var client = await app.Data.ClientForAsync(student);
        return await client.PostAsJsonAsync(RatingsUrl, body);
    }
}
