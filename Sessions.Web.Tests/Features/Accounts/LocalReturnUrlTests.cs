using System.Net;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Accounts;

/// <summary>After signing in, <c>?ReturnUrl=</c> leads only to a path of the portal; anything else lands on the home page, never on a 500.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class LocalReturnUrlTests(SessionsAppFactory app)
{
    public static TheoryData<string> Hostile => new()
    {
        "/\u3002evil",              // non-ASCII: made the sign-in answer 500
        "https://evil.example/",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",        // browsers drop the tab and read //evil.example
        "/\r\n/evil.example",
        " /educator",
        "/%2F%2Fevil.example",     // //evil.example once decoded
        "/%5Cevil.example",
        "/caf\u00e9",
        "javascript:alert(1)",
        "evil.example",
        "",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Signing_in_with_a_hostile_return_url_lands_on_the_home_page(string returnUrl)
    {
        using var browser = new PortalBrowser(app);

        using var response = await browser.SignInAsync(await app.Data.EducatorAsync(), returnUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri(browser.BaseAddress, LocalReturnUrl.Home), new Uri(browser.BaseAddress, response.Headers.Location!));
        Assert.True(browser.Has(PortalBrowser.AuthCookie));
    }

    [Theory]
    [InlineData("/educator")]
    [InlineData("/classes/7?tab=live#join")]
    [InlineData("/")]
    public async Task Signing_in_with_a_local_return_url_goes_there(string returnUrl)
    {
        using var browser = new PortalBrowser(app);

        using var response = await browser.SignInAsync(await app.Data.EducatorAsync(), returnUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri(browser.BaseAddress, returnUrl), new Uri(browser.BaseAddress, response.Headers.Location!));
    }
}
