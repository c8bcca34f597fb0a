using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary>The class page's invitation to rate a completed session the student attended, and the form it opens.</summary>
public sealed class RatingPrompt(IPage page, Guid sessionId)
{
    public ILocator Prompt => page.GetByTestId(TestIds.RatingPrompt(sessionId));

    public ILocator Rate => page.GetByTestId(TestIds.RateSession(sessionId));

    public ILocator Feedback => Prompt.Locator($"textarea[data-testid='{TestIds.RatingFeedback}']");

    public ILocator Submit => Prompt.GetByTestId(TestIds.SubmitRating);

    public ILocator Pending => page.GetByTestId(TestIds.RatingPending(sessionId));

    /// <summary>One score's radio button: <paramref name="criterion"/> is <c>overall</c> or a criterion's API name.</summary>
    public ILocator Score(string criterion, int score) => Prompt.GetByTestId(TestIds.RatingScore(criterion, score));

    /// <summary>Opens the form, gives each score, writes the feedback and sends it.</summary>
    public async Task RateAsync(IEnumerable<(string Criterion, int Score)> scores, string feedback)
    {
        await Rate.ClickAsync();
        foreach (var (criterion, score) in scores)
        {
            await Score(criterion, score).CheckAsync();
        }
        await Feedback.FillAsync(feedback);
        await Submit.ClickAsync();
    }
}
