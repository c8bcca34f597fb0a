using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>Two instances over one database: what one signs, the other accepts, because the key ring lives in that database.</summary>
public sealed class SharedKeyRingTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly SessionsAppFactory _a = new();
    private SessionsAppFactory _b = null!;

    public async Task InitializeAsync()
    {
        await _a.InitializeAsync();
        _b = new SessionsAppFactory(_a.Database, new Dictionary<string, string?>(), ownsDatabase: false, _a.Time);
        await _b.InitializeAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        await ((IAsyncLifetime)_b).DisposeAsync();
        await ((IAsyncLifetime)_a).DisposeAsync();
    }

    [Fact]
    public async Task A_bearer_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        var educator = await _a.Data.EducatorAsync();
        var token = await _a.Data.TokenForAsync(educator);

        using var onB = _b.CreateClient();
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await onB.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task A_portal_cookie_issued_by_one_instance_is_accepted_by_the_other()
    {
        var educator = await _a.Data.EducatorAsync();
        using var browser = await PortalBrowser.SignedInAsync(_a, educator);

        using var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_b.ClientOptions.BaseAddress, "/educator")));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task The_key_ring_is_read_from_the_database_and_not_from_the_machine()
    {
        var repository = _b.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
        await _a.Data.TokenForAsync(await _a.Data.EducatorAsync());

        await using var db = await _b.Data.DbAsync();
        Assert.IsType<EntityFrameworkCoreXmlRepository<Sessions.Web.Infrastructure.Data.SessionsDbContext>>(repository);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }
}
