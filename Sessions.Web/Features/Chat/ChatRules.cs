using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Chat;

/// <summary>The chat's rules that are not about who: message text, the students' pace, how long a student may take back a message.</summary>
public static class ChatRules
{
    /// <summary>
    /// Plain text, trimmed, 1 to 2,000 text elements (what a reader sees as one character: an emoji with its skin tone is one),
    /// line breaks allowed; nothing that hides or reorders text (<see cref="TextRule"/>).
    /// </summary>
    public static readonly TextRule Text = new("text", "The message", ChatMessage.TextMaxLength, Required: true, MultiLine: true);

    public const int StudentMessagesPerWindow = 10;

    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(10);

    /// <summary>A student may delete their own message within this time of sending it; those who teach, any message at any time.</summary>
    public static readonly TimeSpan StudentDeleteWindow = TimeSpan.FromMinutes(5);

    /// <summary>Whether the caller may delete a message: the service's check, and the room's delete button shown only where it holds.</summary>
    /// <param name="teaches">The caller teaches the class (moderates).</param>
    /// <param name="ownMessage">The caller sent the message.</param>
    public static bool MayDelete(bool teaches, bool ownMessage, DateTime sentUtc, DateTime nowUtc) =>
        teaches || (ownMessage && nowUtc - sentUtc <= StudentDeleteWindow);

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;
}
