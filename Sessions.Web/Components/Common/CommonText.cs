namespace Sessions.Web.Components.Common;

/// <summary>
/// The resource class of the texts every page shares: the layout, the language switch, the common components, the
/// error pages and the display formats (<c>CommonText.resx</c> in English, <c>CommonText.ar.resx</c> in Arabic).
/// </summary>
public sealed class CommonText;
