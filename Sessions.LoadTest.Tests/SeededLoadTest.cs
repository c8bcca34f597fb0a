using System.Globalization;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.LoadTest.Tests;

/// <summary>A test of the load tool over a database seeded as the measurement scripts seed it, in a folder of its own deleted afterwards.</summary>
public abstract class SeededLoadTest(int classes, int studentsPerClass) : IAsyncLifetime
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("sessions-loadtest-").FullName;

    protected string DatabasePath => Path.Combine(Folder, "sessions.db");

    public Task InitializeAsync() => LargeSeed.RunAsync(new Arguments(
        ["--database", DatabasePath, "--classes", classes.ToString(CultureInfo.InvariantCulture), "--students-per-class", studentsPerClass.ToString(CultureInfo.InvariantCulture)]));

    /// <summary>The built portal over the seeded database, as the measurement scripts run it: Production, with the memory endpoints on.</summary>
    private protected Task<PortalProcess> StartPortalAsync() => PortalProcess.StartAsync(PortalProcess.Production, DatabasePath,
        new Dictionary<string, string?> { ["Diagnostics:ProcessEndpoints"] = "true" });

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
