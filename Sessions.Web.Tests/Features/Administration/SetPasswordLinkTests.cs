using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Administration;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Administration;

/// <summary>A set-password link sets a password once, under the password policy, within 72 hours.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class SetPasswordLinkTests(SessionsAppFactory app)
{
    private static readonly string[] Student = ["Student"];

    private const string NewPassword = "N3w-Passw0rd!";

    [Fact]
    public async Task A_link_sets_a_password_the_account_then_signs_in_with_and_works_only_once()
    {
        var (email, token) = await CreateAccountAsync();

        Assert.Null((await SetAsync(token, NewPassword)).Error);
        var again = await SetAsync(token, "An0ther-Passw0rd!");

        Assert.Equal(PasswordErrors.LinkUsed.Code, again.Error?.Code);
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = NewPassword })).ShouldBeOkAsync();
    }

    [Fact]
    public async Task A_link_expires_after_72_hours()
    {
        var (_, token) = await CreateAccountAsync();

        app.Time.Advance(SetPasswordLinks.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Null((await CheckAsync(token)).Error);
        app.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(PasswordErrors.LinkExpired.Code, (await SetAsync(token, NewPassword)).Error?.Code);
    }

    [Fact]
    public async Task A_newer_link_leaves_the_older_one_working_until_either_is_used()
    {
        var (_, first) = await CreateAccountAsync();
        var second = await NewLinkAsync(first);

        Assert.Null((await SetAsync(second, NewPassword)).Error);

        Assert.Equal(PasswordErrors.LinkUsed.Code, (await SetAsync(first, NewPassword)).Error?.Code);
    }

    [Theory]
    [InlineData("short1!")]
    [InlineData("alllowercase1!")]
    [InlineData("NoDigitsHere!")]
    public async Task A_weak_password_is_refused_under_the_policy_and_leaves_the_link_usable(string weak)
    {
        var (_, token) = await CreateAccountAsync();

        var refused = await SetAsync(token, weak);

        Assert.Equal(ErrorCodes.ValidationFailed, refused.Error?.Code);
        Assert.Null((await SetAsync(token, NewPassword)).Error);
    }

    [Fact]
    public async Task Two_different_passwords_are_refused()
    {
        var (_, token) = await CreateAccountAsync();

        var refused = await SetAsync(token, NewPassword, confirmation: "Not-The-Same-1");

        Assert.Equal(ErrorCodes.ValidationFailed, refused.Error?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_made_up_or_damaged_token_is_link_invalid(string token) =>
        Assert.Equal(PasswordErrors.LinkInvalid.Code, (await SetAsync(token, NewPassword)).Error?.Code);

    [Fact]
    public async Task The_page_says_why_a_link_cannot_be_used_and_shows_no_form()
    {
        using var anonymous = app.CreateClient();

        var html = await anonymous.GetStringAsync($"{SetPasswordLinks.PagePath}?token=not-a-token");

        Assert.Contains("data-testid=\"set-password-link-error\"", html, StringComparison.Ordinal);
        Assert.Contains(PasswordErrors.LinkInvalid.Message.Split(':')[0], html, StringComparison.Ordinal);
        Assert.DoesNotContain("set-password-submit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_the_form_for_a_usable_link()
    {
        var (email, token) = await CreateAccountAsync();
        using var anonymous = app.CreateClient();

        var html = await anonymous.GetStringAsync($"{SetPasswordLinks.PagePath}?token={token}");

        Assert.Contains("data-testid=\"set-password-submit\"", html, StringComparison.Ordinal);
        Assert.Contains(email, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_form_sets_the_password_and_then_says_the_link_is_used()
    {
        var (email, token) = await CreateAccountAsync();
        using var browser = new PortalBrowser(app);
        var page = $"{SetPasswordLinks.PagePath}?token={token}";

        var form = await browser.FormOfAsync(page);
        form["Input.Password"] = NewPassword;
        form["Input.Confirmation"] = NewPassword;
        using var posted = await browser.PostFormAsync(page, form);

        Assert.Contains($"data-testid=\"{TestIds.SetPasswordDone}\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = NewPassword })).ShouldBeOkAsync();
        Assert.Contains(PasswordErrors.LinkUsed.Message.Split(':')[0], await anonymous.GetStringAsync(page), StringComparison.Ordinal);
    }

    private async Task<(string Email, string Token)> CreateAccountAsync()
    {
        using var admin = await app.Data.ClientForAsync(await app.Data.AdminAsync());
        var email = $"linked-{Guid.NewGuid():N}@test.example";
        using var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { email, displayName = "Linked", roles = Student, timeZone = "Europe/Paris" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (email, TokenOf(created.GetProperty("passwordLink")));
    }

    /// <summary>A second link for the account the first one is for, from <c>POST /api/admin/users/{id}/password-link</c>.</summary>
    private async Task<string> NewLinkAsync(string firstToken)
    {
        var userId = (await CheckAsync(firstToken)).Value!.Id;
        using var admin = await app.Data.ClientForAsync(await app.Data.AdminAsync());
        return TokenOf(await (await admin.PostAsync($"/api/admin/users/{userId}/password-link", null)).ShouldBeOkAsync());
    }

    private static string TokenOf(JsonElement link) =>
        QueryHelpers.ParseQuery(new Uri(link.GetProperty("url").GetString()!).Query)[SetPasswordLinks.TokenParameter].ToString();

    private Task<Result<AppUser>> CheckAsync(string token) =>
        InScopeAsync(passwords => passwords.CheckLinkAsync(token));

    private Task<Result<AppUser>> SetAsync(string token, string password, string? confirmation = null) =>
        InScopeAsync(passwords => passwords.SetAsync(token, password, confirmation ?? password));

    private async Task<T> InScopeAsync<T>(Func<PasswordSetting, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<PasswordSetting>());
    }
}
