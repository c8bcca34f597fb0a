using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Accounts.Standing;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Localization;

namespace Sessions.Web.Tests.Features.Accounts;

/// <summary>What a user changes on <c>/account</c>: their own password (knowing the current one) and time zone.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class OwnAccountTests(SessionsAppFactory app)
{
    private const string NewPassword = "N3w-Passw0rd!";

    [Fact]
    public async Task The_password_changes_with_the_current_one_and_the_old_one_stops_working()
    {
        var student = await app.Data.StudentAsync();

        var changed = await InScopeAsync(account => account.ChangePasswordAsync(student.Id, TestData.Password, NewPassword, NewPassword));

        Assert.Null(changed.Error);
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = student.Email, password = TestData.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task A_sign_in_renewed_with_the_new_stamp_stands_at_once_where_the_old_stamp_was_read_and_the_old_one_does_not()
    {
        var student = await app.Data.StudentAsync();
        var standings = app.Services.GetRequiredService<UserStandings>();
        var before = await PrincipalOfAsync(student.Id);
        Assert.True(await standings.StillStandsAsync(before, default)); // read and cached, as another instance would have

        await using (var elsewhere = app.Services.CreateAsyncScope())
        {
            // As another instance changes it: this one's reading is not forgotten.
            var users = elsewhere.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.ChangePasswordAsync((await users.FindByIdAsync(student.Id))!, TestData.Password, NewPassword)).Succeeded);
        }
        var after = await PrincipalOfAsync(student.Id);

        Assert.True(await standings.StillStandsAsync(after, default));
        Assert.False(await standings.StillStandsAsync(before, default));
    }

    [Fact]
    public async Task A_wrong_current_password_a_weak_one_and_a_mismatch_are_each_refused()
    {
        var student = await app.Data.StudentAsync();

        var wrong = await InScopeAsync(account => account.ChangePasswordAsync(student.Id, "Not-It-1!", NewPassword, NewPassword));
        var weak = await InScopeAsync(account => account.ChangePasswordAsync(student.Id, TestData.Password, "weak", "weak"));
        var mismatch = await InScopeAsync(account => account.ChangePasswordAsync(student.Id, TestData.Password, NewPassword, "Other-Passw0rd!"));

        Assert.Equal(PasswordErrors.WrongCurrentPassword.Code, wrong.Error?.Code);
        Assert.Equal(ErrorCodes.ValidationFailed, weak.Error?.Code);
        Assert.Equal(ErrorCodes.ValidationFailed, mismatch.Error?.Code);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_every_broken_rule_in_the_readers_language()
    {
        var student = await app.Data.StudentAsync();

        var weak = await InScopeAsync(account => account.ChangePasswordAsync(student.Id, TestData.Password, "weak", "weak"));

        var messages = ((IReadOnlyDictionary<string, FieldMessage[]>)weak.Error!.Details!["errors"]!)[PasswordPolicyMessages.Field];
        var text = app.Services.GetRequiredService<ErrorText>();
        using var arabic = new CultureScope("ar");
        Assert.Equal(
        [
            "يجب ألا تقل كلمة المرور عن 8 أحرف.",
            "يجب أن تتضمن كلمة المرور رمزًا ليس حرفًا ولا رقمًا.",
            "يجب أن تتضمن كلمة المرور رقمًا (0–9).",
            "يجب أن تتضمن كلمة المرور حرفًا لاتينيًا كبيرًا (A–Z).",
        ], messages.Select(text.Field));
    }

    [Fact]
    public async Task The_time_zone_takes_IANA_ids_only()
    {
        var student = await app.Data.StudentAsync();

        var refused = await InScopeAsync(account => account.ChangeTimeZoneAsync(student.Id, "Nowhere/Land"));
        var saved = await InScopeAsync(account => account.ChangeTimeZoneAsync(student.Id, "America/Chicago"));

        Assert.Equal(ErrorCodes.ValidationFailed, refused.Error?.Code);
        Assert.Equal("America/Chicago", saved.Value?.TimeZoneId);
    }

    /// <summary>The principal a sign-in would carry now (the account's current security stamp among its claims).</summary>
    private async Task<ClaimsPrincipal> PrincipalOfAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync((await users.FindByIdAsync(userId))!);
    }

    private async Task<Result<AppUser>> InScopeAsync(Func<OwnAccount, Task<Result<AppUser>>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<OwnAccount>());
    }
}
