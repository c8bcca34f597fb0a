using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Sessions.Web.Infrastructure.Localization;

/// <summary>Hands MudBlazor the portal's translations of its component texts, so an Arabic page has no English controls.</summary>
public sealed class AppMudLocalizer(IStringLocalizer<MudComponentText> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => texts[key];

    public override LocalizedString this[string key, params object[] arguments] => texts[key, arguments];
}
