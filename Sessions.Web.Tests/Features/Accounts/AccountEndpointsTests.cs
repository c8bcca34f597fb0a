using System.Net;
using System.Net.Http.Json;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Accounts;

[Collection(AppFixtureGroup.Name)]
public sealed class AccountEndpointsTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task Me_describes_the_signed_in_user()
    {
        var educator = await _data.EducatorAsync("Ms. Me");
        using var client = await _data.ClientForAsync(educator);

        var me = await (await client.GetAsync("/api/me")).ShouldBeOkAsync();

        Assert.Equal(educator.Id, me.GetProperty("id").GetString());
        Assert.Equal(educator.Email, me.GetProperty("email").GetString());
        Assert.Equal("Ms. Me", me.GetProperty("displayName").GetString());
        Assert.Equal("Educator", Assert.Single(me.GetProperty("roles").EnumerateArray()).GetString());
        Assert.Equal((uint)educator.RtcUid, me.GetProperty("rtcUid").GetUInt32());
        Assert.Equal("Europe/Paris", me.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task A_login_without_an_email_is_a_validation_problem()
    {
        using var client = app.CreateClient();

        await (await client.PostAsJsonAsync("/api/auth/login", new { password = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task There_is_no_self_registration()
    {
        using var client = app.CreateClient();

        var email = $"self-{Guid.NewGuid():N}@test.example";
        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password = TestData.Password });

        Assert.False(response.IsSuccessStatusCode);
        await using var db = await _data.DbAsync();
        Assert.False(db.Users.Any(u => u.Email == email));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_mobile_contract()
    {
        using var client = app.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).ShouldBeOkAsync();

        Assert.True(document.GetProperty("paths").TryGetProperty("/sessions/start", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/sessions/{id}/start", out _));
    }
}
