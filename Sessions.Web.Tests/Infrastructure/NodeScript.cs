using System.Diagnostics;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// Runs a Node script from one of the test folders whose packages are pinned in a package-lock.json and installed by
/// ./test.sh (<c>npm ci</c>): official clients and tools that judge what the portal produces.
/// </summary>
internal static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <param name="folder">The script's folder, from the repository root (<c>Sessions.Web.Tests/Features/…</c>).</param>
    /// <param name="package">A package the script needs, to fail with a hint when <c>npm ci</c> was not run.</param>
    public static async Task<NodeRun> RunAsync(string folder, string package, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var workingDirectory = Path.Combine(PortalProcess.RepositoryRoot(), folder);
        if (!Directory.Exists(Path.Combine(workingDirectory, "node_modules", package)))
        {
            throw new InvalidOperationException($"{package} is not installed in {workingDirectory}: run ./test.sh, or `npm ci` in that folder.");
        }
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var node = Process.Start(info) ?? throw new InvalidOperationException("node could not be started.");
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = node.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {string.Join(' ', info.ArgumentList)} did not finish within {Timeout.TotalSeconds} s.");
        }
        return new NodeRun(node.ExitCode, await stdout, await stderr);
    }
}

internal sealed record NodeRun(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit code {ExitCode}\n{Errors}\n{Output}";
}
