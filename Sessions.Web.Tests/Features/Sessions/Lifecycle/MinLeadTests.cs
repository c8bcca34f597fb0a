using System.Net;
using System.Net.Http.Json;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

/// <summary><c>Sessions:MinLeadMinutes</c>: how far ahead a scheduled session must be booked (instant ones start now).</summary>
public sealed class MinLeadTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly SessionsAppFactory _app = new(TestDatabase.Create(),
        new Dictionary<string, string?> { ["Sessions:MinLeadMinutes"] = "60" }, ownsDatabase: true);

    public Task InitializeAsync() => _app.InitializeAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_session_must_be_booked_the_lead_time_ahead_but_an_instant_one_needs_none()
    {
        var educator = await _app.Data.EducatorAsync();
        var schoolClass = await _app.Data.ClassAsync(educator, await _app.Data.StudentAsync());
        using var client = await _app.Data.ClientForAsync(educator);
        var now = _app.Time.GetUtcNow();

        var tooSoon = await client.PostAsJsonAsync("/api/sessions", Scheduled(schoolClass.Id, now.AddMinutes(59)));
        var justInTime = await client.PostAsJsonAsync("/api/sessions", Scheduled(schoolClass.Id, now.AddMinutes(60)));
        var instant = await client.PostAsJsonAsync("/api/sessions", new { classId = schoolClass.Id, title = "Now", type = "instant", durationMinutes = 30 });

        var problem = await tooSoon.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("60 minutes ahead", problem.GetProperty("errors").GetProperty("scheduledStartTime")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (justInTime.StatusCode, instant.StatusCode));
    }

    private static object Scheduled(int classId, DateTimeOffset start) =>
        new { classId, title = "Ahead", type = "scheduled", scheduledStartTime = TestData.Iso(start), durationMinutes = 30 };
}
