using MudBlazor;
using Sessions.Web.Components.Common;

namespace Sessions.Web.Features.Sessions.Components;

/// <summary>The one question asked before a live session is ended, wherever it is ended from (its card, its room, the admin overview).</summary>
public static class EndSessionQuestion
{
    public static Task<bool> AskAsync(IDialogService dialogs, string title) =>
        ConfirmDialog.AskAsync(dialogs, "End this session?", $"\"{title}\" will end for everyone in the room.", "End session", "Keep going",
            TestIds.ConfirmEnd);
}
