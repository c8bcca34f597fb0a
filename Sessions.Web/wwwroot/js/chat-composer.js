// The chat composer (Features/Chat/Components/ChatComposer.razor): Enter sends, Shift+Enter adds a line. The page hears
// the keydown on the server, too late to stop the newline, so the browser is told here; capture phase, ahead of Blazor.
document.addEventListener("keydown", event => {
    if (event.key === "Enter" && !event.shiftKey
        && event.target instanceof HTMLTextAreaElement && event.target.hasAttribute("data-enter-sends")) {
        event.preventDefault();
    }
}, true);
