using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// axe-core (npm, pinned in <c>Sessions.E2E/axe/package-lock.json</c>) run in the page under test against WCAG 2.1 A/AA and
/// axe's best practices. The source is evaluated through the DevTools protocol rather than added as a script tag: the
/// app's Content-Security-Policy refuses inline scripts, and the tests keep that policy as it ships.
/// </summary>
public static class Axe
{
    /// <summary>The rule sets a page must pass: WCAG 2.0 and 2.1 at levels A and AA, and axe's best practices.</summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    /// <summary>The impacts that fail a test.</summary>
    public static readonly IReadOnlySet<string> FailingImpacts = new HashSet<string>(StringComparer.Ordinal) { "serious", "critical" };

    private static readonly Lazy<string> Source = new(ReadSource);

    /// <summary>
    /// Waits for the page's finite animations (a dialog fading in) to finish, so colours are read as they settle, then
    /// injects axe once per document and runs it over the whole document.
    /// </summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        await page.EvaluateAsync("""
            () => Promise.all(document.getAnimations()
                .filter(a => a.effect && Number.isFinite(a.effect.getComputedTiming().endTime))
                .map(a => a.finished.catch(() => null)))
            """);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // A function body, so the bundle's UMD wrapper finds neither module nor define and sets window.axe.
            await page.EvaluateAsync($"() => {{\n{Source.Value}\n}}");
        }
        var tags = JsonSerializer.Serialize(Tags);
        var json = await page.EvaluateAsync<JsonElement>($$"""
            async () => {
                const results = await window.axe.run(document, { runOnly: { type: 'tag', values: {{tags}} }, resultTypes: ['violations'] });
                return results.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({ target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '), summary: n.failureSummary }))
                }));
            }
            """);
        return [.. json.EnumerateArray().Select(AxeViolation.From)];
    }

    private static string ReadSource()
    {
        var path = Path.Combine(LiveServerFixture.FindRepositoryRoot(), "Sessions.E2E", "axe", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is missing: install the pinned axe-core with `npm ci --prefix Sessions.E2E/axe` (test.sh does).");
        }
        return File.ReadAllText(path);
    }
}

/// <summary>One axe rule that failed, with every element it failed on.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<AxeNode> Nodes)
{
    public bool Fails => Axe.FailingImpacts.Contains(Impact);

    internal static AxeViolation From(JsonElement violation) => new(
        violation.GetProperty("id").GetString()!,
        violation.GetProperty("impact").GetString() ?? "unknown",
        violation.GetProperty("help").GetString()!,
        [.. violation.GetProperty("nodes").EnumerateArray().Select(node =>
            new AxeNode(node.GetProperty("target").GetString()!, node.GetProperty("summary").GetString() ?? ""))]);

    /// <summary>Elements listed per rule in a failure message; the count says how many there are in all.</summary>
    private const int ElementsShown = 5;

    /// <summary>The rule, its impact and its first elements with axe's summary of what to fix, for a test failure message.</summary>
    public string Describe()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"  {Id} ({Impact}, {Nodes.Count} element(s)): {Help}");
        foreach (var node in Nodes.Take(ElementsShown))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    at {node.Target}\n      {node.Summary.ReplaceLineEndings("\n      ")}");
        }
        if (Nodes.Count > ElementsShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    … and {Nodes.Count - ElementsShown} more");
        }
        return text.ToString();
    }
}

/// <summary>An element a rule failed on: its CSS selector and axe's failure summary.</summary>
public sealed record AxeNode(string Target, string Summary);
