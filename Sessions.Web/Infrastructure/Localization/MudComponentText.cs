namespace Sessions.Web.Infrastructure.Localization;

/// <summary>
/// The resource class of MudBlazor's own texts (pager buttons, picker navigation, close buttons), keyed by MudBlazor's
/// translation keys. MudBlazor uses its built-in English for English cultures and asks <see cref="AppMudLocalizer"/>
/// for every other language.
/// </summary>
public sealed class MudComponentText;
