using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Bootstrap;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Features.Administration;

/// <summary>
/// The first administrator from <c>Admin:Email</c> and <c>Admin:InitialPassword</c>: created at start over a school with
/// no administrator, and kept on <c>/account</c> until they choose a password of their own.
/// </summary>
public sealed class AdminBootstrapTests : IAsyncLifetime
{
    private const string Email = "head@school.example";
    private const string NewPassword = "0wn-Passw0rd!";

    private SessionsAppFactory App { get; } = new(TestDatabase.Create(), new Dictionary<string, string?>
    {
        [$"{AdminBootstrapOptions.Section}:Email"] = Email,
        [$"{AdminBootstrapOptions.Section}:InitialPassword"] = TestData.Password,
    }, ownsDatabase: true);

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    [Fact]
    public async Task The_configured_admin_is_created_and_must_change_the_password_before_anything_else()
    {
        var admin = await AdminAsync();
        Assert.True(admin.MustChangePassword);
        using var browser = await PortalBrowser.SignedInAsync(App, admin);
        using var api = await App.Data.ClientForAsync(admin);

        using var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/admin/users"));
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("/account", page.Headers.Location?.OriginalString);
        await (await api.GetAsync("/api/admin/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "password_change_required");

        using var changed = await ChangePasswordAsync(browser);
        Assert.Contains("Your password is changed.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var afterwards = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/admin/users"));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.False((await AdminAsync()).MustChangePassword);
        using var anonymous = App.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = Email, password = NewPassword })).ShouldBeOkAsync();
    }

    [Fact]
    public async Task A_restart_over_a_school_that_has_an_admin_creates_no_other()
    {
        await using var restarted = new SessionsAppFactory(App.Database, new Dictionary<string, string?>
        {
            [$"{AdminBootstrapOptions.Section}:Email"] = "second-head@school.example",
            [$"{AdminBootstrapOptions.Section}:InitialPassword"] = TestData.Password,
        }, ownsDatabase: false);
        await ((IAsyncLifetime)restarted).InitializeAsync();

        await using var scope = restarted.Services.CreateAsyncScope();
        var admins = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GetUsersInRoleAsync(AppRoles.Admin);
        Assert.Equal(Email, Assert.Single(admins).Email);
    }

    [Theory]
    [InlineData("not-an-email", TestData.Password, "Admin:Email")]
    [InlineData(Email, "short", "Admin:InitialPassword")]
    [InlineData(Email, "", "Admin:InitialPassword is required")]
    public void Settings_that_would_make_an_unusable_admin_stop_theApp_at_start(string email, string password, string named)
    {
        var failure = StartupFailures.Of("Testing", new Dictionary<string, string?>
        {
            [$"{AdminBootstrapOptions.Section}:Email"] = email,
            [$"{AdminBootstrapOptions.Section}:InitialPassword"] = password,
        });

        Assert.Contains(failure.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    private async Task<AppUser> AdminAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Email))!;
    }

    /// <summary>Posts the account page's password form, with the antiforgery token the page's forms share.</summary>
    private static async Task<HttpResponseMessage> ChangePasswordAsync(PortalBrowser browser)
    {
        var form = await browser.FormOfAsync("/account");
        form["_handler"] = "change-password";
        form["Password.Current"] = TestData.Password;
        form["Password.New"] = NewPassword;
        form["Password.Confirmation"] = NewPassword;
        return await browser.PostFormAsync("/account", form);
    }
}
