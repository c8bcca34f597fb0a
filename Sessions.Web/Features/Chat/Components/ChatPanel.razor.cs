using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Chat.Components;

/// <summary>
/// A session's chat: its history (newest page first, earlier pages on demand), messages arriving live (the page that
/// hosts the panel hands them to <see cref="Receive"/>), sending with an optimistic entry and a retry, and deleting.
/// Who may do what is <see cref="ChatService"/>'s answer; the panel only hides what would be refused.
/// </summary>
public sealed partial class ChatPanel
{
    /// <summary>The panel's styles: linked by the page that hosts it, since a page has one <c>HeadContent</c> (the last replaces the others).</summary>
    public const string StylesAsset = "css/chat.css";

    private readonly List<ChatMessageDto> _messages = [];
    private readonly List<PendingMessage> _pending = [];
    private long? _nextBefore;
    private bool _loaded;
    private bool _loading;
    private string? _notice;

    [Parameter, EditorRequired] public SessionSummary Session { get; set; } = default!;
    [Parameter, EditorRequired] public SessionActor Actor { get; set; } = default!;
    [Parameter, EditorRequired] public UserTime UserTime { get; set; } = default!;

    /// <summary>The reader teaches the class: posts while the chat is off for students, deletes any message.</summary>
    [Parameter] public bool Teaches { get; set; }

    /// <summary>Without a composer whatever the session's state: the history page.</summary>
    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>Times with their day (the history page, read on another day).</summary>
    [Parameter] public bool ShowDay { get; set; }

    [Parameter] public string? Heading { get; set; }

    /// <summary>Shows a close button (the room's panel).</summary>
    [Parameter] public EventCallback OnClose { get; set; }

    [Inject] private ChatService Chat { get; set; } = default!;
    [Inject] private ErrorText Errors { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private bool Live => Session.Status.IsLive();

    /// <summary>The composer is shown while the session is live (disabled for students while their chat is off).</summary>
    private bool Writable => !ReadOnly && Live;

    private bool MayWrite => Teaches || Session.Settings.ChatEnabled;

    private string? StateText => Session.Status switch
    {
        SessionStatus.Completed or SessionStatus.Cancelled => T["Panel.Ended"].Value,
        SessionStatus.Scheduled => T["Panel.NotLive"].Value,
        _ when !Session.Settings.ChatEnabled => (Teaches ? T["Panel.DisabledTeacher"] : T["Panel.Disabled"]).Value,
        _ => null,
    };

    protected override async Task OnInitializedAsync() => await LoadAsync(before: null);

    /// <summary>A live chat event of this session; the host page calls it in the renderer's context.</summary>
    public void Receive(LiveEvent liveEvent)
    {
        switch (liveEvent)
        {
            case ChatMessagePostedMessage posted when posted.SessionId == Session.Id:
                Upsert(posted.Message);
                break;
            case ChatMessageDeletedMessage deleted when deleted.SessionId == Session.Id:
                MarkDeleted(deleted.MessageId);
                break;
            default:
                return;
        }
        StateHasChanged();
    }

    private async Task LoadEarlierAsync() => await LoadAsync(_nextBefore);

    private async Task LoadAsync(long? before)
    {
        _loading = true;
        try
        {
            var result = await Chat.ListAsync(Actor, Session.Id, before, limit: null, CancellationToken.None);
            if (result.Error is { } error)
            {
                _notice = T["Panel.LoadFailed", Errors.Detail(error)];
                return;
            }
            var page = result.Value!;
            // Pages come newest first; a message that arrived live meanwhile is not listed twice.
            _messages.InsertRange(0, page.Items.Where(m => !_messages.Exists(known => known.Id == m.Id)).Reverse());
            _nextBefore = page.NextBefore;
        }
        finally
        {
            _loading = false;
            _loaded = true;
        }
    }

    private async Task SendAsync(ChatDraft draft)
    {
        var pending = new PendingMessage(Guid.NewGuid(), draft);
        _pending.Add(pending);
        await SendPendingAsync(pending);
    }

    /// <summary>Sends (or sends again, with the same client id, so a send that did land is not stored twice).</summary>
    private async Task SendPendingAsync(PendingMessage pending)
    {
        pending.Error = null;
        StateHasChanged();
        var request = new SendChatMessageRequest(pending.ClientMessageId, pending.Draft.Text, [.. pending.Draft.Attachments.Select(a => a.Id)]);
        var result = await Chat.SendAsync(Actor, Session.Id, request, CancellationToken.None);
        if (result.Error is { } error)
        {
            pending.Error = Errors.Detail(error);
            return;
        }
        Upsert(result.Value!);
    }

    private async Task DeleteAsync(ChatMessageDto message)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, T["Message.DeleteTitle"], T["Message.DeleteText"], T["Message.DeleteConfirm"],
                T["Message.DeleteCancel"], TestIds.ChatDeleteConfirm))
        {
            return;
        }
        var result = await Chat.DeleteAsync(Actor, Session.Id, message.Id, CancellationToken.None);
        _notice = result.Error is { } error ? T["Message.DeleteFailed", Errors.Detail(error)].Value : null;
        if (result.Error is null)
        {
            MarkDeleted(message.Id);
        }
    }

    private async Task OpenImageAsync(ChatAttachmentDto image)
    {
        var parameters = new DialogParameters<ChatImageDialog> { { d => d.Image, image } };
        var options = new DialogOptions { CloseOnEscapeKey = true, CloseButton = true, MaxWidth = MaxWidth.Large };
        await Dialogs.ShowAsync<ChatImageDialog>(image.FileName, parameters, options);
    }

    /// <summary>A stored message, from the send's answer or the live event (whichever comes first); it replaces its pending entry.</summary>
    private void Upsert(ChatMessageDto message)
    {
        _pending.RemoveAll(p => p.ClientMessageId == message.ClientMessageId && message.Sender.Id == Actor.UserId);
        var index = _messages.FindIndex(m => m.Id == message.Id);
        if (index >= 0)
        {
            _messages[index] = message;
            return;
        }
        var after = _messages.FindLastIndex(m => m.Id < message.Id);
        _messages.Insert(after + 1, message);
    }

    private void MarkDeleted(long messageId)
    {
        var index = _messages.FindIndex(m => m.Id == messageId);
        if (index >= 0 && !_messages[index].Deleted)
        {
            _messages[index] = _messages[index] with { Deleted = true, Text = null, Attachments = [], DeletedAt = Time.GetUtcNow() };
        }
    }

    private bool MayDelete(ChatMessageDto message) =>
        ChatRules.MayDelete(Teaches, message.Sender.Id == Actor.UserId, message.SentAt.UtcDateTime, Time.GetUtcNow().UtcDateTime);

    private string TimeOf(ChatMessageDto message)
    {
        var local = UserTime.ToLocal(message.SentAt.UtcDateTime);
        return ShowDay ? Format.DayAndTime(local) : Format.Time(local);
    }

    /// <summary>A message on its way, or refused with <see cref="Error"/> (the ProblemDetails text, localized) and a retry.</summary>
    private sealed class PendingMessage(Guid clientMessageId, ChatDraft draft)
    {
        public Guid ClientMessageId { get; } = clientMessageId;
        public ChatDraft Draft { get; } = draft;
        public string? Error { get; set; }
    }
}
