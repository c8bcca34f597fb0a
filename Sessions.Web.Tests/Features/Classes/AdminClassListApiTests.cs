using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Classes;

/// <summary><c>GET /api/admin/classes</c>: every class, a page at a time, for administrators.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class AdminClassListApiTests(SessionsAppFactory app) : IAsyncLifetime
{
    private readonly TestData _data = app.Data;
    private AppUser _educator = default!;
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _educator = await _data.EducatorAsync("Ms. Lister");
        _client = await _data.ClientForAsync(await _data.AdminAsync());
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A tag no other test's class names: each test searches for its own classes.</summary>
    private static string NewTag() => $"q{Guid.NewGuid():N}"[..10];

    private async Task<int> CreateAsync(string name, string code)
    {
        using var response = await _client.PostAsJsonAsync("/api/classes", new { name, code, subject = "Mathematics", educatorId = _educator.Id });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<JsonElement> ListAsync(string query)
    {
        using var response = await _client.GetAsync($"/api/admin/classes?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Names(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];

    [Fact]
    public async Task Classes_come_by_name_a_page_at_a_time_with_their_educator_and_enrolled_count()
    {
        var tag = NewTag();
        foreach (var letter in new[] { "C", "A", "B" })
        {
            await CreateAsync($"{tag} {letter}", $"{tag}{letter}");
        }
        var enrolled = await _data.ClassAsync(_educator, await _data.StudentAsync(), await _data.StudentAsync());

        var first = await ListAsync($"search={tag}&page=1&pageSize=2");
        var second = await ListAsync($"search={tag}&page=2&pageSize=2");

        Assert.Equal([$"{tag} A", $"{tag} B"], Names(first));
        Assert.Equal([$"{tag} C"], Names(second));
        Assert.Equal(3, first.GetProperty("totalItems").GetInt32());
        Assert.Equal(2, first.GetProperty("totalPages").GetInt32());
        var row = first.GetProperty("items")[0];
        Assert.Equal($"{tag}A".ToUpperInvariant(), row.GetProperty("code").GetString());
        Assert.Equal("Mathematics", row.GetProperty("subject").GetString());
        Assert.Equal(_educator.Id, row.GetProperty("educator").GetProperty("id").GetString());
        Assert.Equal("Ms. Lister", row.GetProperty("educator").GetProperty("displayName").GetString());
        Assert.Equal(0, row.GetProperty("enrolledCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("archivedAt").ValueKind);
        var withStudents = (await ListAsync($"search={enrolled.Code}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(2, withStudents.GetProperty("enrolledCount").GetInt32());
    }

    [Fact]
    public async Task The_search_finds_the_name_or_the_code_in_any_case_and_takes_like_wildcards_literally()
    {
        var tag = NewTag();
        await CreateAsync($"{tag} Physics", $"{tag}P");
        await CreateAsync($"Chemistry {tag}", "X" + tag[1..]);
        await CreateAsync($"{tag}%_ Odd", $"{tag}O");

        Assert.Equal([$"{tag} Physics"], Names(await ListAsync($"search={Uri.EscapeDataString(tag.ToUpperInvariant() + " phys")}")));
        Assert.Equal([$"Chemistry {tag}"], Names(await ListAsync($"search={Uri.EscapeDataString("x" + tag[1..])}")));
        Assert.Equal([$"{tag}%_ Odd"], Names(await ListAsync($"search={Uri.EscapeDataString(tag + "%_")}")));
        Assert.Empty(Names(await ListAsync($"search={Uri.EscapeDataString(tag + "_")}")));
    }

    [Fact]
    public async Task Archived_classes_are_listed_only_when_asked()
    {
        var tag = NewTag();
        await CreateAsync($"{tag} Open", $"{tag}O");
        var archived = await CreateAsync($"{tag} Closed", $"{tag}C");
        using (var archive = await _client.PostAsync($"/api/classes/{archived}/archive", null))
        {
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        }

        Assert.Equal([$"{tag} Open"], Names(await ListAsync($"search={tag}")));
        var all = await ListAsync($"search={tag}&includeArchived=true");
        Assert.Equal([$"{tag} Closed", $"{tag} Open"], Names(all));
        Assert.NotEqual(JsonValueKind.Null, all.GetProperty("items")[0].GetProperty("archivedAt").ValueKind);
    }

    [Fact]
    public async Task A_page_out_of_range_is_a_validation_error()
    {
        using var response = await _client.GetAsync("/api/admin/classes?page=0&pageSize=101");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["page", "pageSize"], problem.GetProperty("errors").EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Educators_and_students_are_forbidden()
    {
        foreach (var user in new[] { _educator, await _data.StudentAsync() })
        {
            using var client = await _data.ClientForAsync(user);
            using var response = await client.GetAsync("/api/admin/classes");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}
