using System.Net;
using System.Text.Json;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Classes;

/// <summary><c>GET /api/me/classes</c>: the caller's classes, each with its live session and its next scheduled one.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class OwnClassesTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task A_student_lists_the_classes_they_are_enrolled_in_with_the_live_and_the_next_session()
    {
        var student = await _data.StudentAsync();
        var educator = await _data.EducatorAsync("Ms. Mine");
        var running = await _data.ClassAsync(educator, student, await _data.StudentAsync());
        var live = await _data.SessionAsync(running);
        var afterIt = await _data.SessionAsync(running, startsIn: TimeSpan.FromDays(1));
        var quiet = await _data.ClassAsync(await _data.EducatorAsync(), student);
        await _data.ClassAsync(await _data.EducatorAsync(), await _data.StudentAsync());
        using (var teacher = await _data.ClientForAsync(educator))
        {
            await (await teacher.PostAsync($"/api/sessions/{live.Id}/start", null)).ShouldBeOkAsync();
        }
        using var client = await _data.ClientForAsync(student);

        var page = await (await client.GetAsync("/api/me/classes")).ShouldBeOkAsync();

        var classes = page.GetProperty("items").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetInt32());
        Assert.Equal([running.Id, quiet.Id], classes.Keys.Order());
        Assert.Equal((1, 20, 2, 1), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(),
            page.GetProperty("totalItems").GetInt32(), page.GetProperty("totalPages").GetInt32()));
        var mine = classes[running.Id];
        Assert.Equal((running.Name, "Ms. Mine", educator.Id, 2), (mine.GetProperty("name").GetString(),
            mine.GetProperty("host").GetProperty("displayName").GetString(), mine.GetProperty("host").GetProperty("id").GetString(),
            mine.GetProperty("enrolledCount").GetInt32()));
        Assert.Equal((live.Id, "in_progress"), (mine.GetProperty("liveSession").GetProperty("id").GetGuid(),
            mine.GetProperty("liveSession").GetProperty("status").GetString()));
        Assert.Equal((afterIt.Id, "scheduled"), (mine.GetProperty("nextSession").GetProperty("id").GetGuid(),
            mine.GetProperty("nextSession").GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, classes[quiet.Id].GetProperty("liveSession").ValueKind);
        Assert.Equal(JsonValueKind.Null, classes[quiet.Id].GetProperty("nextSession").ValueKind);
    }

    [Fact]
    public async Task An_educator_lists_the_classes_they_teach_and_an_admin_who_teaches_none_an_empty_page()
    {
        var educator = await _data.EducatorAsync();
        var taught = await _data.ClassAsync(educator, await _data.StudentAsync());
        var next = await _data.SessionAsync(taught, startsIn: TimeSpan.FromDays(3));
        await _data.ClassAsync(await _data.EducatorAsync(), await _data.StudentAsync());
        using var teacher = await _data.ClientForAsync(educator);
        using var admin = await _data.ClientForAsync(await _data.AdminAsync());

        var taughtPage = await (await teacher.GetAsync("/api/me/classes")).ShouldBeOkAsync();
        var adminPage = await (await admin.GetAsync("/api/me/classes")).ShouldBeOkAsync();

        var only = Assert.Single(taughtPage.GetProperty("items").EnumerateArray());
        Assert.Equal((taught.Id, next.Id), (only.GetProperty("id").GetInt32(), only.GetProperty("nextSession").GetProperty("id").GetGuid()));
        Assert.Empty(adminPage.GetProperty("items").EnumerateArray());
        Assert.Equal((0, 0), (adminPage.GetProperty("totalItems").GetInt32(), adminPage.GetProperty("totalPages").GetInt32()));
    }

    [Fact]
    public async Task Pages_through_the_classes_by_name()
    {
        var student = await _data.StudentAsync();
        var educator = await _data.EducatorAsync();
        for (var i = 0; i < 3; i++)
        {
            await _data.ClassAsync(educator, student);
        }
        using var client = await _data.ClientForAsync(student);

        var second = await (await client.GetAsync("/api/me/classes?page=2&pageSize=2")).ShouldBeOkAsync();

        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal((2, 2, 3, 2), (second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32(),
            second.GetProperty("totalItems").GetInt32(), second.GetProperty("totalPages").GetInt32()));
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=101", "pageSize")]
    public async Task Paging_out_of_range_is_a_validation_problem_naming_it(string query, string field)
    {
        using var client = await _data.ClientForAsync(await _data.StudentAsync());

        var problem = await (await client.GetAsync($"/api/me/classes{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
