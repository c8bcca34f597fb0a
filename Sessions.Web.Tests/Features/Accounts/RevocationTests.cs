using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Accounts;

/// <summary>
/// A lock or a password change reaches the credentials already handed out within <c>Auth:RevalidateWithinSeconds</c>
/// (30 s): bearer tokens are refused and open hub connections are closed.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class RevocationTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;
    private readonly AuthOptions _options = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;

    [Fact]
    public async Task A_locked_students_bearer_token_is_refused_within_the_revalidation_time()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var session = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        using (var teacher = await _data.ClientForAsync(educator))
        {
            await (await teacher.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeOkAsync();
        }
        using var client = await _data.ClientForAsync(student);
        await (await client.GetAsync("/api/me")).ShouldBeOkAsync();

        await ChangeAsync(student, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        app.Time.Advance(_options.StandingCacheFor);

        await (await client.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await client.PostAsync($"/api/sessions/{session.Id}/join", null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_password_change_ends_the_bearer_tokens_handed_out_before()
    {
        var student = await _data.StudentAsync();
        using var client = await _data.ClientForAsync(student);

        await ChangeAsync(student, (users, user) => users.ChangePasswordAsync(user, TestData.Password, "An0ther-Passw0rd!"));
        app.Time.Advance(_options.StandingCacheFor);

        await (await client.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_locked_students_open_hub_connection_is_closed()
    {
        var student = await _data.StudentAsync();
        await _data.ClassAsync(await _data.EducatorAsync(), student);
        await using var listener = await LiveListener.ConnectAsync(app, student);

        await ChangeAsync(student, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        app.Time.Advance(_options.RecheckEvery);

        await listener.ClosedAsync();
    }

    [Fact]
    public void Revocation_reaches_everything_within_thirty_seconds()
    {
        Assert.True(_options.StandingCacheFor + _options.RecheckEvery <= TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromMinutes(15), _options.AccessTokenLifetime);
    }

    private async Task ChangeAsync(AppUser account, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await change(users, (await users.FindByIdAsync(account.Id))!)).Succeeded);
    }
}
