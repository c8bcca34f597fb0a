using System.Globalization;
using System.Text.Json;

namespace Sessions.LoadTest.Tests;

/// <summary>The load tool on a tiny load, end to end; its figures are for docs/performance.md, never asserted here.</summary>
public sealed class FanoutScenarioTests() : SeededLoadTest(classes: 3, studentsPerClass: 3)
{
    /// <summary>One listener holds the connections in the tool's own process; two spread them over two listener processes.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_fanout_run_hears_every_enrolled_student_once_and_counts_no_errors(int listeners)
    {
        await using var portal = await StartPortalAsync();
        var resultPath = Path.Combine(Folder, "fanout.json");

        await FanoutScenario.RunAsync(new Arguments(
        [
            "--url", portal.Url.ToString(), "--database", DatabasePath, "--classes", "2", "--warmup", "1", "--starts", "2",
            "--rate", "20", "--timeout", "45", "--out", resultPath, "--listeners", listeners.ToString(CultureInfo.InvariantCulture),
        ]));

        var result = JsonDocument.Parse(await File.ReadAllTextAsync(resultPath)).RootElement;
        var receipts = result.GetProperty("receipts");
        Assert.Equal(6, result.GetProperty("connected").GetInt32());
        Assert.Equal(2, result.GetProperty("startsSucceeded").GetInt32());
        Assert.Equal(6, receipts.GetProperty("expected").GetInt32());
        Assert.Equal(6, receipts.GetProperty("received").GetInt32());
        Assert.Equal(0, receipts.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, result.GetProperty("errors").GetInt32());
        Assert.Equal(listeners, result.GetProperty("listenerProcesses").GetInt32());
        Assert.True(result.GetProperty("serverMemory").GetProperty("connected").GetProperty("residentBytes").GetInt64() > 0, portal.Log);
    }
}
