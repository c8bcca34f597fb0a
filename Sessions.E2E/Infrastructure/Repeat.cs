using Microsoft.Playwright;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// An action a server round trip can swallow under load (a click on a list re-rendered beneath it, a key pressed before a
/// menu listens for keys) is taken again, a few times at most, until its effect shows; a person is slower than that round
/// trip. The caller's own assertion afterwards says whether it took.
/// </summary>
public static class Repeat
{
    private const int MostAttempts = 5;
    private const float SettleMs = 2_000;

    /// <param name="act">The user's action.</param>
    /// <param name="took">An assertion of its effect, given a short timeout; it throws while the effect has not shown.</param>
    public static async Task UntilAsync(Func<Task> act, Func<float, Task> took)
    {
        for (var attempt = 0; attempt < MostAttempts; attempt++)
        {
            await act();
            try
            {
                await took(SettleMs);
                return;
            }
            catch (PlaywrightException)
            {
                // not taken yet: act again
            }
        }
    }
}
