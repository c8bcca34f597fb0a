using System.Net;
using System.Text.Json;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

/// <summary><c>GET /api/sessions?status=&amp;from=&amp;to=&amp;page=&amp;pageSize=</c>, also at <c>/api/me/sessions</c>.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SessionListApiTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Filters_by_status_and_by_a_start_range_newest_first()
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        var tomorrow = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(1));
        var nextWeek = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(7));
        var cancelled = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(2));
        using var client = await _data.ClientForAsync(educator);
        await (await client.PostAsync($"/api/sessions/{cancelled.Id}/cancel", null)).ShouldBeOkAsync();
        var now = app.Time.GetUtcNow();

        var scheduled = await IdsAsync(client, "?status=scheduled");
        var either = await IdsAsync(client, "?status=scheduled,cancelled");
        var withinThreeDays = await IdsAsync(client, $"?from={Escaped(now)}&to={Escaped(now.AddDays(3))}");

        Assert.Equal([nextWeek.Id, tomorrow.Id], scheduled);
        Assert.Equal([nextWeek.Id, cancelled.Id, tomorrow.Id], either);
        Assert.Equal([cancelled.Id, tomorrow.Id], withinThreeDays);
    }

    [Theory]
    [InlineData("/api/sessions")]
    [InlineData("/api/me/sessions")]
    public async Task Pages_through_the_list_with_the_total(string path)
    {
        var educator = await _data.EducatorAsync();
        var schoolClass = await _data.ClassAsync(educator, await _data.StudentAsync());
        var sessions = new List<Session>();
        for (var day = 1; day <= 5; day++)
        {
            sessions.Add(await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(day)));
        }
        using var client = await _data.ClientForAsync(educator);

        var page = await (await client.GetAsync($"{path}?page=2&pageSize=2")).ShouldBeOkAsync();

        Assert.Equal([sessions[2].Id, sessions[1].Id], page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal((2, 2, 5, 3), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(),
            page.GetProperty("totalItems").GetInt32(), page.GetProperty("totalPages").GetInt32()));
    }

    [Theory]
    [InlineData("?status=live", "status")]
    [InlineData("?from=2030-01-01T09:00:00", "from")]
    [InlineData("?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "to")]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=101", "pageSize")]
    public async Task A_bad_filter_is_a_validation_problem_naming_it(string query, string field)
    {
        using var client = await _data.ClientForAsync(await _data.EducatorAsync());

        var problem = await (await client.GetAsync($"/api/sessions{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static string Escaped(DateTimeOffset instant) => Uri.EscapeDataString(TestData.Iso(instant));

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query)
    {
        var page = await (await client.GetAsync($"/api/sessions{query}")).ShouldBeOkAsync();
        return [.. page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid())];
    }
}
