using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary>The chat panel of the room (and of the history page): messages, the composer, deleting.</summary>
public sealed partial class ChatPanel(IPage page)
{
    public ILocator Panel => page.GetByTestId(TestIds.ChatPanel);

    public ILocator Input => page.GetByTestId(TestIds.ChatInput);

    public ILocator Send => page.GetByTestId(TestIds.ChatSend);

    public ILocator Attach => page.GetByTestId(TestIds.ChatAttach);

    public ILocator Uploads => page.GetByTestId(TestIds.ChatUpload);

    public ILocator DeleteConfirm => page.GetByTestId(TestIds.ChatDeleteConfirm);

    public ILocator ImageDialog => page.GetByTestId(TestIds.ChatImageDialog);

    /// <summary>The stored message whose text contains <paramref name="text"/>.</summary>
    public ILocator Message(string text) => page.GetByTestId(MessageId()).Filter(new() { HasText = text });

    /// <summary>A message by its stored id (the same message in another reader's panel).</summary>
    public ILocator Message(long id) => page.GetByTestId(TestIds.ChatMessage(id));

    public ILocator Delete(long id) => page.GetByTestId(TestIds.ChatDelete(id));

    /// <summary>The stored id of the message on screen that contains <paramref name="text"/>.</summary>
    public async Task<long> IdOfAsync(string text)
    {
        var testId = await Message(text).GetAttributeAsync("data-testid");
        return long.Parse(testId!["chat-message-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Attaches a file through the attach button's file chooser, and waits until it is uploaded.</summary>
    public async Task AttachAsync(FilePayload file)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => Attach.ClickAsync());
        await chooser.SetFilesAsync(file);
        await Assertions.Expect(Uploads.Filter(new() { HasText = file.Name })).ToBeVisibleAsync();
        await Assertions.Expect(Uploads.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0);
    }

    public async Task DeleteAsync(long id)
    {
        await Delete(id).ClickAsync();
        await DeleteConfirm.ClickAsync();
    }

    [GeneratedRegex("^chat-message-[0-9]+$")]
    private static partial Regex MessageId();
}
