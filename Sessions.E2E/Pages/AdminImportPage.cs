using Microsoft.Playwright;
using Sessions.Web.Components.Common;

namespace Sessions.E2E.Pages;

/// <summary><c>/admin/imports</c>: a roster file previewed row by row, applied, and the new accounts' set-password links downloaded.</summary>
public sealed class AdminImportPage(IPage page) : BlazorPage(page)
{
    public const string Path = "/admin/imports";

    /// <summary>The preview's rows, each named by its row number in the file.</summary>
    public ILocator PreviewRows => Page.GetByTestId(TestIds.ImportRows).Locator($"[data-testid^='{TestIds.ImportRowPrefix}']");

    public ILocator Summary => Page.GetByTestId(TestIds.ImportSummary);

    public ILocator Result => Page.GetByTestId(TestIds.ImportResult);

    public async Task GotoAsync()
    {
        await Page.GotoAsync(Path);
        await WaitUntilInteractiveAsync();
    }

    public async Task UploadAsync(string fileName, byte[] csv) =>
        await Page.GetByTestId(TestIds.ImportFile).SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = csv });

    public async Task ApplyAsync()
    {
        var apply = Page.GetByTestId(TestIds.ImportApply);
        await Assertions.Expect(apply).ToBeEnabledAsync();
        await apply.ClickAsync();
        await Assertions.Expect(Result).ToBeVisibleAsync();
    }

    /// <summary>Downloads the links file and answers each new account's link by email.</summary>
    public async Task<IReadOnlyDictionary<string, string>> DownloadLinksAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId(TestIds.ImportDownloadLinks).ClickAsync());
        var lines = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal("email,displayName,link,expiresUtc", lines[0].TrimStart('\uFEFF'));
        // The test's names hold no comma, so a plain split finds the columns.
        return lines.Skip(1).Where(line => line.Length > 0).Select(line => line.Split(','))
            .ToDictionary(fields => fields[0], fields => fields[2], StringComparer.OrdinalIgnoreCase);
    }
}
