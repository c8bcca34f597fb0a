using System.Diagnostics;
using System.Globalization;

namespace Sessions.LoadTest;

/// <summary>
/// CPU seconds used so far by every process of a run, by name: each portal instance (its own figure), the load tool with
/// its listener processes, and other processes by pid (<c>--watch proxy0=PID,redis=PID</c>), so that a run can say what
/// an idle connection and a start cost each part of the system, the proxies included.
/// </summary>
internal sealed class CpuMeter(ServerFigures servers, IStudentListeners listeners, IReadOnlyDictionary<string, int> watched)
{
    public const string LoadTool = "loadTool";

    public static IReadOnlyDictionary<string, int> Watched(Arguments args) =>
        args.Text("watch", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], CultureInfo.InvariantCulture));

    public async Task<Dictionary<string, double>> ReadAsync()
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var figures = await servers.ReadAsync(collect: false);
        for (var i = 0; i < figures.Length; i++)
        {
            if (figures[i] is { } instance)
            {
                seconds[servers.Urls[i].ToString()] = instance.ProcessorSeconds;
            }
        }
        seconds[LoadTool] = (Process.GetCurrentProcess().TotalProcessorTime + listeners.OtherProcessesProcessorTime).TotalSeconds;
        foreach (var (name, pid) in watched)
        {
            using var process = Process.GetProcessById(pid);
            seconds[name] = process.TotalProcessorTime.TotalSeconds;
        }
        return seconds;
    }

    /// <summary>Each process's CPU seconds between two readings, divided by <paramref name="per"/> and multiplied by <paramref name="scale"/>.</summary>
    public static Dictionary<string, double> Between(
        IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, double per, double scale) =>
        after.Where(a => before.ContainsKey(a.Key))
            .ToDictionary(a => a.Key, a => Math.Round((a.Value - before[a.Key]) / Math.Max(per, 1e-9) * scale, 3), StringComparer.Ordinal);
}
