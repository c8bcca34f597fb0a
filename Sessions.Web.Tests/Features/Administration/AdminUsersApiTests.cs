using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Administration;

/// <summary><c>/api/admin/users</c>: an administrator lists, creates, edits, deactivates and reactivates accounts.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class AdminUsersApiTests(SessionsAppFactory app) : IAsyncLifetime
{
    private static readonly string[] Educator = ["Educator"];
    private static readonly string[] EducatorAndAdmin = ["Educator", "Admin"];
    private static readonly string[] Student = ["Student"];
    private static readonly string[] UnknownRole = ["Janitor"];

    private readonly TestData _data = app.Data;
    private AppUser _admin = default!;
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _admin = await _data.AdminAsync();
        _client = await _data.ClientForAsync(_admin);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Creating_an_account_answers_201_with_the_account_and_a_set_password_link_valid_for_72_hours()
    {
        var email = NewEmail();

        using var response = await _client.PostAsJsonAsync("/api/admin/users",
            new { email, displayName = "Ms. Rivera", roles = EducatorAndAdmin, timeZone = "Europe/Paris" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var user = created.GetProperty("user");
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Ms. Rivera", user.GetProperty("displayName").GetString());
        Assert.Equal(["Admin", "Educator"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Europe/Paris", user.GetProperty("timeZone").GetString());
        Assert.Equal("active", user.GetProperty("status").GetString());
        Assert.Equal($"/api/admin/users/{user.GetProperty("id").GetString()}", response.Headers.Location?.AbsolutePath);
        var link = created.GetProperty("passwordLink");
        Assert.StartsWith($"{_client.BaseAddress}account/set-password?token=", link.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(app.Time.GetUtcNow().AddHours(72), link.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_email_another_account_has_in_any_case_is_refused_with_email_taken()
    {
        var other = await _data.StudentAsync();

        using var response = await _client.PostAsJsonAsync("/api/admin/users",
            new { email = other.Email!.ToUpperInvariant(), displayName = "Copy", roles = Student, timeZone = "Europe/Paris" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Fact]
    public async Task A_bad_email_an_empty_name_an_unknown_role_and_an_unknown_time_zone_are_each_named()
    {
        using var response = await _client.PostAsJsonAsync("/api/admin/users",
            new { email = "not an email", displayName = "  ", roles = UnknownRole, timeZone = "Mars/Olympus_Mons" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["displayName", "email", "roles", "timeZone"], fields);
    }

    [Theory]
    [InlineData("Eastern Standard Time")]
    [InlineData("")]
    public async Task Only_IANA_time_zone_ids_are_taken(string timeZone)
    {
        using var response = await _client.PostAsJsonAsync("/api/admin/users",
            new { email = NewEmail(), displayName = "Zone", roles = Student, timeZone });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _));
    }

    [Fact]
    public async Task Listing_finds_accounts_by_search_role_and_status_a_page_at_a_time()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var students = new List<AppUser>();
        for (var i = 0; i < 3; i++)
        {
            students.Add(await _data.StudentAsync($"Pupil {marker} {i}"));
        }
        var educator = await _data.EducatorAsync($"Teacher {marker}");
        await (await _client.PostAsync($"/api/admin/users/{students[2].Id}/deactivate", null)).ShouldBeOkAsync();

        var everyone = await ListAsync($"search={marker.ToUpperInvariant()}");
        var activeStudents = await ListAsync($"search={marker}&role=Student&status=active&pageSize=1&page=2");
        var deactivated = await ListAsync($"search={marker}&status=deactivated");

        Assert.Equal(4, everyone.GetProperty("totalItems").GetInt32());
        Assert.Equal(2, activeStudents.GetProperty("totalItems").GetInt32());
        Assert.Equal(2, activeStudents.GetProperty("totalPages").GetInt32());
        Assert.Equal(students[1].Id, Assert.Single(activeStudents.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(students[2].Id, Assert.Single(deactivated.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains(everyone.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == educator.Id);
    }

    [Fact]
    public async Task Searching_takes_LIKE_wildcards_literally()
    {
        await _data.StudentAsync("Hundred_Percent");

        var found = await ListAsync("search=%25_%25");

        Assert.Equal(0, found.GetProperty("totalItems").GetInt32());
    }

    [Theory]
    [InlineData("role=Janitor", "role")]
    [InlineData("status=asleep", "status")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task Unknown_filters_are_refused(string query, string field)
    {
        var problem = await (await _client.GetAsync($"/api/admin/users?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Editing_changes_the_given_details_and_keeps_the_others()
    {
        var student = await _data.StudentAsync("Before");
        var email = NewEmail();

        var edited = await (await _client.PatchAsJsonAsync($"/api/admin/users/{student.Id}",
            new { displayName = "After", email, roles = Educator })).ShouldBeOkAsync();

        Assert.Equal("After", edited.GetProperty("displayName").GetString());
        Assert.Equal(email, edited.GetProperty("email").GetString());
        Assert.Equal(["Educator"], edited.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(student.TimeZoneId, edited.GetProperty("timeZone").GetString());
        var read = await (await _client.GetAsync($"/api/admin/users/{student.Id}")).ShouldBeOkAsync();
        Assert.Equal(edited.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task Editing_to_another_accounts_email_is_refused_with_email_taken()
    {
        var student = await _data.StudentAsync();
        var other = await _data.StudentAsync();

        using var response = await _client.PatchAsJsonAsync($"/api/admin/users/{student.Id}", new { email = other.Email });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Theory]
    [InlineData("PATCH", "")]
    [InlineData("GET", "")]
    [InlineData("POST", "/deactivate")]
    [InlineData("POST", "/reactivate")]
    [InlineData("POST", "/password-link")]
    public async Task An_unknown_account_is_user_not_found(string method, string action)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/admin/users/{Guid.NewGuid()}{action}");
        if (method == "PATCH")
        {
            request.Content = JsonContent.Create(new { displayName = "Nobody" });
        }

        await (await _client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_their_own_account()
    {
        await (await _client.PostAsync($"/api/admin/users/{_admin.Id}/deactivate", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "cannot_deactivate_self");
    }

    [Fact]
    public async Task A_deactivated_user_is_refused_on_the_next_request_and_can_neither_refresh_nor_sign_in()
    {
        var student = await _data.StudentAsync();
        var signedIn = await _data.SignInAsync(student);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", signedIn.AccessToken);
        await (await client.GetAsync("/api/me")).ShouldBeOkAsync();

        var deactivated = await (await _client.PostAsync($"/api/admin/users/{student.Id}/deactivate", null)).ShouldBeOkAsync();

        Assert.Equal("deactivated", deactivated.GetProperty("status").GetString());
        await (await client.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = signedIn.RefreshToken }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = student.Email, password = TestData.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "account_disabled");
    }

    [Fact]
    public async Task A_deactivated_users_open_hub_connection_is_closed()
    {
        var student = await _data.StudentAsync();
        await _data.ClassAsync(await _data.EducatorAsync(), student);
        await using var listener = await LiveListener.ConnectAsync(app, student);

        await (await _client.PostAsync($"/api/admin/users/{student.Id}/deactivate", null)).ShouldBeOkAsync();
        app.Time.Advance(app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.RecheckEvery);

        await listener.ClosedAsync();
    }

    [Fact]
    public async Task A_reactivated_user_signs_in_again_and_repeating_either_changes_nothing()
    {
        var student = await _data.StudentAsync();
        await (await _client.PostAsync($"/api/admin/users/{student.Id}/deactivate", null)).ShouldBeOkAsync();
        await (await _client.PostAsync($"/api/admin/users/{student.Id}/deactivate", null)).ShouldBeOkAsync();

        var reactivated = await (await _client.PostAsync($"/api/admin/users/{student.Id}/reactivate", null)).ShouldBeOkAsync();
        await (await _client.PostAsync($"/api/admin/users/{student.Id}/reactivate", null)).ShouldBeOkAsync();

        Assert.Equal("active", reactivated.GetProperty("status").GetString());
        await _data.SignInAsync(student);
        var trail = await AuditOfAsync(student.Id);
        Assert.Equal(["user.reactivated", "user.deactivated"], trail.Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_trail_newest_first_with_who_and_the_account_before_and_after()
    {
        var student = await _data.StudentAsync("Audited");

        await (await _client.PatchAsJsonAsync($"/api/admin/users/{student.Id}", new { displayName = "Audited, renamed" })).ShouldBeOkAsync();
        await (await _client.PostAsync($"/api/admin/users/{student.Id}/password-link", null)).ShouldBeOkAsync();

        var trail = await AuditOfAsync(student.Id);
        Assert.Equal(["user.password_link_issued", "user.updated"], trail.Select(e => e.GetProperty("action").GetString()));
        var update = trail[1];
        Assert.Equal(_admin.Id, update.GetProperty("actorId").GetString());
        Assert.Equal("Admin", update.GetProperty("actorName").GetString());
        Assert.Equal(app.Time.GetUtcNow(), update.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("Audited", update.GetProperty("before").GetProperty("displayName").GetString());
        Assert.Equal("Audited, renamed", update.GetProperty("after").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task A_refused_change_leaves_no_audit_entry()
    {
        var student = await _data.StudentAsync();
        var other = await _data.StudentAsync();

        await (await _client.PatchAsJsonAsync($"/api/admin/users/{student.Id}", new { email = other.Email }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "email_taken");

        Assert.Empty(await AuditOfAsync(student.Id));
    }

    private async Task<JsonElement> ListAsync(string query) => await (await _client.GetAsync($"/api/admin/users?{query}")).ShouldBeOkAsync();

    /// <summary>The trail's entries about one account, newest first (from the latest page of 100, which is enough here).</summary>
    private async Task<List<JsonElement>> AuditOfAsync(string userId)
    {
        var page = await (await _client.GetAsync("/api/admin/audit?pageSize=100")).ShouldBeOkAsync();
        return [.. page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("targetId").GetString() == userId)];
    }

    private static string NewEmail() => $"new-{Guid.NewGuid():N}@test.example";
}
