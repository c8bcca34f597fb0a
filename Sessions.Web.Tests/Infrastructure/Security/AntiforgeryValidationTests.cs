using System.Net;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Tests.Infrastructure.Security;

/// <summary>Every form post, the sign-out included, needs the antiforgery token of a page the portal rendered.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class AntiforgeryValidationTests(SessionsAppFactory app)
{
    [Fact]
    public async Task Signing_out_without_the_forms_token_is_refused_and_keeps_the_user_signed_in()
    {
        using var browser = await PortalBrowser.SignedInAsync(app, await app.Data.EducatorAsync());

        using var forged = await browser.PostFormAsync(AccountEndpoints.LogoutPath, []);
        using var wrongToken = await browser.PostFormAsync(AccountEndpoints.LogoutPath, [new(PortalBrowser.TokenField, "forged")]);

        await forged.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "antiforgery_failed");
        await wrongToken.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "antiforgery_failed");
        Assert.True(browser.Has(PortalBrowser.AuthCookie));
        using var page = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/educator"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task The_sign_out_form_of_a_page_signs_out()
    {
        using var browser = await PortalBrowser.SignedInAsync(app, await app.Data.EducatorAsync());
        var form = await browser.FormOfAsync("/educator");

        using var signOut = await browser.PostFormAsync(AccountEndpoints.LogoutPath, form);

        Assert.Equal(HttpStatusCode.Found, signOut.StatusCode);
        Assert.False(browser.Has(PortalBrowser.AuthCookie));
    }

    [Fact]
    public async Task Signing_in_without_the_forms_token_is_refused()
    {
        var user = await app.Data.EducatorAsync();
        using var browser = new PortalBrowser(app);
        var form = await browser.FormOfAsync(AccountEndpoints.LoginPath);
        form.Remove(PortalBrowser.TokenField);
        form["Input.Email"] = user.Email!;
        form["Input.Password"] = TestData.Password;

        using var response = await browser.PostFormAsync(AccountEndpoints.LoginPath, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(browser.Has(PortalBrowser.AuthCookie));
    }
}
