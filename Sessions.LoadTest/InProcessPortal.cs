using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Sessions.Web.Infrastructure;

namespace Sessions.LoadTest;

/// <summary>
/// The portal's services as the app wires them (Production settings, a WAL SQLite file), without listening: what the
/// benchmarks and the load tool's in-process timings call into. By default the database sits in a folder of its own, which
/// disposing deletes; <see cref="Over"/> uses an existing file and leaves it.
/// </summary>
public sealed class InProcessPortal : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-bench-").FullName;

    public InProcessPortal()
    {
        DatabasePath = Path.Combine(_folder, "sessions.db");
    }

    private InProcessPortal(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
    }

    /// <summary>The app over a database that someone else seeded and keeps.</summary>
    public static InProcessPortal Over(string databasePath) => new(databasePath);

    public string DatabasePath { get; }

    public WebApplication App { get; private set; } = default!;

    /// <summary>Builds the app over <see cref="DatabasePath"/>, which the caller has seeded.</summary>
    public void Build()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sessions"] = $"Data Source={DatabasePath}",
            ["Agora:AppId"] = "0123456789abcdef0123456789abcdef",
            ["Agora:AppCertificate"] = "fedcba9876543210fedcba9876543210",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddSessionsWeb();
        App = builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
