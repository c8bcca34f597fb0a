using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Standing;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Accounts;

/// <summary>An open page's circuit re-checks its user, and signs out when the account no longer stands.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class CircuitRevalidationTests(SessionsAppFactory app)
{
    private readonly AuthOptions _options = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;

    [Fact]
    public async Task A_circuit_of_a_locked_user_turns_anonymous_at_its_next_check()
    {
        var student = await app.Data.StudentAsync();
        using var circuit = ActivatorUtilities.CreateInstance<RevalidatingAuthenticationState>(app.Services);
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(await PrincipalOfAsync(student))));
        var signedOut = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.AuthenticationStateChanged += async state => signedOut.TrySetResult(await state);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(student.Id))!, DateTimeOffset.MaxValue);
        }
        app.Time.Advance(_options.RecheckEvery);

        var state = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(state.User.Identity?.IsAuthenticated);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalOfAsync(AppUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        return await principals.CreateAsync(user);
    }
}
