using System.Net;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Components.Layout;

/// <summary>
/// The reconnection banner is static markup the server renders with the page, so it speaks the page's language: the
/// script that shows it (js/reconnect-banner.js) has no text of its own.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ReconnectBannerTests(SessionsAppFactory app)
{
    public static TheoryData<string, string[]> Languages => new()
    {
        { "en", ["Reconnecting… your session continues", "Back online", "this page needs a reload", ">Reload</button>"] },
        { "ar", ["جارٍ إعادة الاتصال… جلستك مستمرة", "عاد الاتصال", "يلزم إعادة تحميل هذه الصفحة", ">إعادة التحميل</button>"] },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_page_carries_the_banner_in_its_own_language_hidden_until_the_connection_is_lost(string language, string[] texts)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = app.ClientOptions.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.AcceptLanguage.ParseAdd(language);

        // Blazor writes every non-ASCII character as an entity.
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("id=\"components-reconnect-modal\" class=\"reconnect-banner\"", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"hidden\"", html, StringComparison.Ordinal);
        Assert.All(texts, text => Assert.Contains(text, html, StringComparison.Ordinal));
        Assert.Contains("js/reconnect-banner", html, StringComparison.Ordinal);
    }
}
