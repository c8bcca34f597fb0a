using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/sessions/{id}/report</c>: a completed session's report, its downloads, and the educator's text editor.</summary>
public sealed class ReportPage(IPage page) : BlazorPage(page)
{
    /// <summary>The students table's columns, in order: student, minutes present, joins, on time, chat messages, first joined.</summary>
    private const int JoinsColumn = 2;

    public static string PathOf(Guid sessionId) => $"/sessions/{sessionId}/report";

    public ILocator View => Page.GetByTestId(TestIds.ReportView);

    public ILocator Totals => Page.GetByTestId(TestIds.ReportTotals);

    public ILocator Ratings => Page.GetByTestId(TestIds.ReportRatings);

    /// <summary>The ratings section's row of one criterion, by its name as the page shows it ("Overall").</summary>
    public ILocator RatingAverage(string criterion) =>
        Ratings.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = criterion, Exact = true }) });

    public ILocator Csv => Page.GetByTestId(TestIds.ReportCsv);

    public ILocator PdfA4 => Page.GetByTestId(TestIds.ReportPdfA4);

    public ILocator RecommendationsInput => Page.Locator($"textarea[data-testid='{TestIds.ReportRecommendationsInput}']");

    public ILocator RecommendationsPreview => Page.GetByTestId(TestIds.ReportPreview("recommendations"));

    public ILocator PreviewToggle => Page.Locator($"input[data-testid='{TestIds.ReportPreviewToggle}']");

    public ILocator Save => Page.GetByTestId(TestIds.ReportSave);

    public ILocator Saved => Page.GetByTestId(TestIds.ReportSaved);

    public ILocator Unsaved => Page.GetByTestId(TestIds.ReportUnsaved);

    /// <summary>A student's row of the students table, by display name.</summary>
    public ILocator StudentRow(string displayName) =>
        Page.GetByTestId(TestIds.ReportStudents).Locator("tbody tr").Filter(new() { Has = Page.GetByText(displayName, new() { Exact = true }) });

    public ILocator Joins(string displayName) => StudentRow(displayName).Locator("td").Nth(JoinsColumn);

    /// <summary>The timeline's presence bars of the student named <paramref name="displayName"/> in the students table.</summary>
    public async Task<ILocator> TimelineBarsAsync(string displayName)
    {
        var nameCell = StudentRow(displayName).Locator($"[data-testid^='{TestIds.ReportStudentRowPrefix}']");
        var userId = (await nameCell.GetAttributeAsync("data-testid"))![TestIds.ReportStudentRowPrefix.Length..];
        return Page.Locator($"[data-testid^='{TestIds.ReportTimelineBarsOf(userId)}']");
    }

    /// <summary>Opens the report and waits for its circuit and its content. Returns the HTTP status of the document.</summary>
    public async Task<int> GotoAsync(Guid sessionId)
    {
        var response = await Page.GotoAsync(PathOf(sessionId));
        await WaitUntilInteractiveAsync();
        await Assertions.Expect(View).ToBeVisibleAsync();
        return response?.Status ?? 0;
    }

    /// <summary>Follows a download link and answers the file the browser saved.</summary>
    public async Task<byte[]> DownloadAsync(ILocator link)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var failure = await download.FailureAsync();
        Assert.True(failure is null, $"The download of {download.Url} failed: {failure}");
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }
}
