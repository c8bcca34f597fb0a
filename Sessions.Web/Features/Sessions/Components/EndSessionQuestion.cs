using Microsoft.Extensions.Localization;
using MudBlazor;
using Sessions.Web.Components.Common;

namespace Sessions.Web.Features.Sessions.Components;

/// <summary>The one question asked before a live session is ended, wherever it is ended from (its card, its room, the admin overview).</summary>
public static class EndSessionQuestion
{
    public static Task<bool> AskAsync(IDialogService dialogs, IStringLocalizer<SessionsText> text, string title) =>
        ConfirmDialog.AskAsync(dialogs, text["End.Question"], text["End.Message", title], text["End.Confirm"], text["End.Keep"], TestIds.ConfirmEnd);
}
