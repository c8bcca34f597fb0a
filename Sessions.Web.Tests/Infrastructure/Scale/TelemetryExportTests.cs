using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Sessions.Web.Infrastructure.Diagnostics;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Infrastructure.Scale;

/// <summary>Traces and metrics leave the process only when an OTLP endpoint is configured.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Without_an_endpoint_no_provider_collects_anything()
    {
        await using var app = await OwnedApp.StartAsync(new Dictionary<string, string?>());

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_traces_and_metrics_are_collected_for_export()
    {
        // A closed loopback port: the exporter's failures stay inside the SDK and never reach a request.
        await using var app = await OwnedApp.StartAsync(new Dictionary<string, string?> { [TelemetrySetup.OtlpEndpointKey] = "http://127.0.0.1:9" });

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/health/live")).IsSuccessStatusCode);
    }
}
