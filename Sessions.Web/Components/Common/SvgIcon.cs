using Microsoft.AspNetCore.Components;

namespace Sessions.Web.Components.Common;

/// <summary>
/// A Material icon (one of MudBlazor's <c>Icons</c> strings) drawn inline, as markup rather than a component: parts that
/// stay open on every student's screen keep no component instance per icon.
/// </summary>
public static class SvgIcon
{
    public static RenderFragment Of(string icon, string cssClass = "svg-icon") => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", cssClass);
        builder.AddAttribute(2, "viewBox", "0 0 24 24");
        builder.AddAttribute(3, "aria-hidden", "true");
        builder.AddMarkupContent(4, icon);
        builder.CloseElement();
    };
}
