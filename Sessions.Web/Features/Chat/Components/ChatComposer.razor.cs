using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Localization;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Chat.Components;

/// <summary>
/// Typing and attaching. Files are read with <see cref="InputFile"/> and handed straight to <see cref="ChatAttachments"/>,
/// the service behind the upload endpoint, in this circuit. The endpoint itself answers only bearer tokens to a POST
/// (<c>CredentialSelection</c>: the portal cookie is not taken where another site could make the browser send it), so a
/// browser upload with the cookie would need a second credential path and its own CSRF check; the circuit already is the
/// signed-in user's, checked for origin. The cost: the bytes travel over the circuit's WebSocket in chunks, alongside its
/// UI traffic, so a 100 MB video is slower than a direct POST would be.
/// </summary>
public sealed partial class ChatComposer
{
    /// <summary>What the file chooser offers; the server still decides from the bytes.</summary>
    private const string MediaTypes = "image/png,image/jpeg,image/webp,image/gif,video/mp4,video/webm,application/pdf";

    /// <summary>The counter appears this close to the limit, so most messages are typed without it.</summary>
    private const int CounterFrom = ChatMessage.TextMaxLength - 200;

    private readonly List<PendingUpload> _uploads = [];
    private string _text = "";
    private string? _notice;
    private bool _dragging;

    [Parameter, EditorRequired] public Guid SessionId { get; set; }
    [Parameter, EditorRequired] public SessionActor Actor { get; set; } = default!;

    /// <summary>Nothing can be typed or sent (the chat is off for the reader); <see cref="DisabledReasonId"/> says why.</summary>
    [Parameter] public bool Disabled { get; set; }

    /// <summary>The id of the element that explains why the composer is disabled.</summary>
    [Parameter] public string? DisabledReasonId { get; set; }

    [Parameter, EditorRequired] public EventCallback<ChatDraft> OnSend { get; set; }

    [Inject] private ChatAttachments Attachments { get; set; } = default!;
    [Inject] private ErrorText Errors { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;

    private int Length => TextRule.Tidy(_text) is { } tidy ? new StringInfo(tidy).LengthInTextElements : 0;
    private bool TooLong => Length > ChatMessage.TextMaxLength;
    private bool ShowCounter => Length >= CounterFrom;
    private bool Uploading => _uploads.Exists(u => u.InProgress);

    private bool CanSend => !Disabled && !Uploading && Length > 0 && !TooLong && !_uploads.Exists(u => u.Error is not null);

    private string DescribedBy => string.Join(' ', new[] { "chat-hint", ShowCounter ? "chat-counter" : null, Disabled ? DisabledReasonId : null }.OfType<string>());

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !e.ShiftKey)
        {
            await SendAsync();
        }
    }

    /// <summary>Hands the draft on and clears the composer at once: the panel shows it as sending, and offers a retry if it fails.</summary>
    private async Task SendAsync()
    {
        if (!CanSend)
        {
            return;
        }
        var draft = new ChatDraft(_text, [.. _uploads.Select(u => u.Attachment!)]);
        _text = "";
        _uploads.Clear();
        _notice = null;
        await OnSend.InvokeAsync(draft);
    }

    private async Task OnFilesAsync(InputFileChangeEventArgs e)
    {
        _dragging = false;
        _notice = null;
        var room = ChatMessage.MaxAttachments - _uploads.Count(u => u.Error is null);
        if (e.FileCount > room)
        {
            _notice = T["Composer.TooMany", Format.Number(ChatMessage.MaxAttachments)];
            return;
        }
        var chosen = e.GetMultipleFiles(room).Select(file => (File: file, Upload: new PendingUpload(file.Name, file.Size))).ToList();
        _uploads.AddRange(chosen.Select(c => c.Upload));
        // One at a time: a browser file can be read only until the input changes, and the input is disabled meanwhile.
        foreach (var (file, upload) in chosen)
        {
            await UploadAsync(file, upload);
        }
    }

    private async Task UploadAsync(IBrowserFile file, PendingUpload upload)
    {
        if (file.Size > MediaLimits.MaxUploadBytes)
        {
            upload.Failed(Errors.Detail(ChatErrors.TooLarge(null)));
            return;
        }
        var shownPercent = 0;
        await using var content = new UploadProgressStream(file.OpenReadStream(MediaLimits.MaxUploadBytes), read =>
        {
            upload.Read = read;
            if (upload.Percent - shownPercent >= 5)
            {
                shownPercent = upload.Percent;
                _ = InvokeAsync(StateHasChanged);
            }
        });
        var result = await Attachments.UploadAsync(Actor, SessionId, content, file.Name, CancellationToken.None);
        if (result.Error is { } error)
        {
            upload.Failed(Errors.Detail(error));
        }
        else
        {
            upload.Attachment = result.Value;
        }
    }

    /// <summary>A file on its way to the server, or there (<see cref="Attachment"/>), or refused (<see cref="Error"/>).</summary>
    private sealed class PendingUpload(string fileName, long size)
    {
        public string FileName { get; } = fileName;
        public long Read { get; set; }
        public ChatAttachmentDto? Attachment { get; set; }
        public string? Error { get; private set; }
        public bool InProgress => Attachment is null && Error is null;
        public int Percent => size == 0 ? 100 : (int)(100 * Read / size);

        public void Failed(string error) => Error = error;
    }
}
