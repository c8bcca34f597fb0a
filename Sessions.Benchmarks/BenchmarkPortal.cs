using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Sessions.Web.Infrastructure;

namespace Sessions.Benchmarks;

/// <summary>
/// The portal's services as the app wires them (Production settings, a WAL SQLite file in a folder of its own), without
/// listening: what the benchmarks call into. Disposing it deletes the folder.
/// </summary>
public sealed class BenchmarkPortal : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-bench-").FullName;

    public string DatabasePath => Path.Combine(_folder, "sessions.db");

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
