using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Administration;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Administration;

/// <summary>A school always keeps an active administrator: over a database of its own, so that no other test's admins count.</summary>
public sealed class LastAdminTests(SessionsAppFactory app) : IClassFixture<SessionsAppFactory>
{
    private static readonly string[] Educator = ["Educator"];

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_deactivated()
    {
        var first = await app.Data.AdminAsync();
        var second = await app.Data.AdminAsync();
        using var client = await app.Data.ClientForAsync(first);

        await (await client.PostAsync($"/api/admin/users/{second.Id}/deactivate", null)).ShouldBeOkAsync();
        await (await client.PatchAsJsonAsync($"/api/admin/users/{first.Id}", new { roles = Educator }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_admin");
        await using var scope = app.Services.CreateAsyncScope();
        var fromCommandLine = await scope.ServiceProvider.GetRequiredService<UserAdministration>().DeactivateAsync(actorId: null, first.Id, default);

        Assert.Equal("last_admin", fromCommandLine.Error?.Code);
        await (await client.PostAsync($"/api/admin/users/{second.Id}/reactivate", null)).ShouldBeOkAsync();
        await (await client.PatchAsJsonAsync($"/api/admin/users/{first.Id}", new { roles = Educator })).ShouldBeOkAsync();
    }
}
