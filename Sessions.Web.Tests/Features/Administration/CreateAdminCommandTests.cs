using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Administration;

/// <summary><c>dotnet Sessions.Web.dll create-admin --email X [--display-name Y]</c>, run against the app's services.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class CreateAdminCommandTests(SessionsAppFactory app)
{
    [Fact]
    public async Task It_creates_an_admin_and_prints_their_set_password_link()
    {
        var email = $"cli-{Guid.NewGuid():N}@test.example";
        var (exit, output, error) = await RunAsync(CreateAdminCommand.Verb, "--email", email, "--display-name", "Head Teacher");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Contains("/account/set-password?token=", output, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = (await users.FindByEmailAsync(email))!;
        Assert.Equal("Head Teacher", admin.DisplayName);
        Assert.True(await users.IsInRoleAsync(admin, AppRoles.Admin));
    }

    [Theory]
    [InlineData(CreateAdminCommand.Verb)]
    [InlineData(CreateAdminCommand.Verb, "--email")]
    [InlineData(CreateAdminCommand.Verb, "--name", "x@test.example")]
    public async Task Missing_or_unknown_options_print_the_usage(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith("Usage: dotnet Sessions.Web.dll create-admin", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_email_is_refused_with_the_reason()
    {
        var taken = await app.Data.StudentAsync();

        var (exit, _, error) = await RunAsync(CreateAdminCommand.Verb, "--email", taken.Email!);

        Assert.Equal(1, exit);
        Assert.Contains("Another account already has this email.", error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CreateAdminCommand.RunAsync(app.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
