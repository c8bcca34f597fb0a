using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    /// <summary>MudBlazor's services, with its component texts (pager, pickers, close buttons) in the reader's language.</summary>
    public static IServiceCollection AddLocalizedMudServices(this IServiceCollection services) =>
        services.AddMudServices().AddLocalization().AddTransient<MudLocalizer, AppMudLocalizer>();

    /// <summary>
    /// Texts from .resx files next to their resource class (one per feature), the cultures of <see cref="CultureOptions"/>,
    /// and a request's culture from the signed-in user's choice, then the culture cookie, then <c>Accept-Language</c>, then the default.
    /// </summary>
    public static IHostApplicationBuilder AddSessionsLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddOptions<CultureOptions>().BindConfiguration(CultureOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<CultureOptions>>((localization, options) =>
        {
            var cultures = options.Value;
            localization.DefaultRequestCulture = new RequestCulture(cultures.Default, CultureOptions.LanguageOf(cultures.Default));
            localization.SupportedCultures = [.. cultures.Supported.Select(CultureInfo.GetCultureInfo)];
            localization.SupportedUICultures = [.. cultures.Languages.Select(CultureInfo.GetCultureInfo)];
            localization.RequestCultureProviders = [new AccountCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        builder.Services.AddSingleton<DisplayFormat>();
        builder.Services.AddSingleton<ErrorText>();
        // A service's field messages reach the API's JSON (a problem's errors, an import's rows) in the request's language.
        builder.Services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>()
            .Configure<ErrorText>((json, text) => json.SerializerOptions.Converters.Add(new FieldMessageJson(text)));
        return builder;
    }
}
