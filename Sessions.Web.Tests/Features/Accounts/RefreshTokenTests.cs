using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Accounts;

/// <summary>Bearer tokens live 15 minutes; apps renew them with single-use refresh tokens, and a copied one revokes the sign-in.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class RefreshTokenTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task A_bearer_token_lives_fifteen_minutes_and_a_refresh_gives_a_working_pair()
    {
        var student = await _data.StudentAsync();
        var signedIn = await LoginAsync(student);
        Assert.Equal("Bearer", signedIn.GetProperty("tokenType").GetString());
        Assert.Equal(900, signedIn.GetProperty("expiresIn").GetInt64());

        app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await (await MeAsync(signedIn)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        var renewed = await (await RefreshAsync(signedIn)).ShouldBeOkAsync();

        Assert.Equal(student.Id, (await (await MeAsync(renewed)).ShouldBeOkAsync()).GetProperty("id").GetString());
        Assert.NotEqual(RefreshToken(signedIn), RefreshToken(renewed));
    }

    [Fact]
    public async Task A_refresh_token_used_twice_revokes_every_token_of_that_sign_in()
    {
        var student = await _data.StudentAsync();
        var signedIn = await LoginAsync(student);
        var renewed = await (await RefreshAsync(signedIn)).ShouldBeOkAsync();
        var otherDevice = await LoginAsync(student);

        await (await RefreshAsync(signedIn)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "refresh_token_reused");

        await (await RefreshAsync(renewed)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await RefreshAsync(otherDevice)).ShouldBeOkAsync();
    }

    [Fact]
    public async Task Two_apps_racing_with_one_refresh_token_get_one_new_pair_and_one_reuse()
    {
        var student = await _data.StudentAsync();
        var signedIn = await LoginAsync(student);

        var answers = await Task.WhenAll(RefreshAsync(signedIn), RefreshAsync(signedIn));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized], answers.Select(a => a.StatusCode).Order());
        var winner = await answers.Single(a => a.IsSuccessStatusCode).ShouldBeOkAsync();
        await (await RefreshAsync(winner)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task A_password_change_or_a_lock_ends_the_refresh_tokens_handed_out_before()
    {
        var changesPassword = await _data.StudentAsync();
        var getsLocked = await _data.StudentAsync();
        var first = await LoginAsync(changesPassword);
        var second = await LoginAsync(getsLocked);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.ChangePasswordAsync((await users.FindByIdAsync(changesPassword.Id))!, TestData.Password, "An0ther-Passw0rd!");
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(getsLocked.Id))!, DateTimeOffset.MaxValue);
        }

        await (await RefreshAsync(first)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await RefreshAsync(second)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Revoking_a_refresh_token_signs_the_app_out_and_says_nothing_about_unknown_tokens()
    {
        var student = await _data.StudentAsync();
        var signedIn = await LoginAsync(student);
        using var client = app.CreateClient();

        var revoked = await client.PostAsJsonAsync("/api/auth/revoke", new { refreshToken = RefreshToken(signedIn) });
        var unknown = await client.PostAsJsonAsync("/api/auth/revoke", new { refreshToken = "not-a-token" });

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (revoked.StatusCode, unknown.StatusCode));
        await (await RefreshAsync(signedIn)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await client.PostAsJsonAsync("/api/auth/refresh", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private async Task<JsonElement> LoginAsync(AppUser user)
    {
        using var client = app.CreateClient();
        return await (await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestData.Password })).ShouldBeOkAsync();
    }

    private async Task<HttpResponseMessage> RefreshAsync(JsonElement tokens)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = RefreshToken(tokens) });
    }

    private async Task<HttpResponseMessage> MeAsync(JsonElement tokens)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return await client.GetAsync("/api/me");
    }

    private static string RefreshToken(JsonElement tokens) => tokens.GetProperty("refreshToken").GetString()!;
}
