using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Sessions.Web.Infrastructure.Diagnostics;

public static class TelemetrySetup
{
    public const string OtlpEndpointKey = "OpenTelemetry:OtlpEndpoint";

    /// <summary>The OpenTelemetry SDK reads this standard variable itself; configuration sees it too.</summary>
    public const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceName = "sessions-portal";

    /// <summary>
    /// The portal's <see cref="SessionsTelemetry"/> always; the OpenTelemetry SDK only with an OTLP endpoint, because
    /// without somewhere to send them, collecting traces and metrics would only cost CPU on every request.
    /// </summary>
    public static IHostApplicationBuilder AddSessionsTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SessionsTelemetry>();
        var ownEndpoint = builder.Configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(ownEndpoint) && string.IsNullOrWhiteSpace(builder.Configuration[StandardEndpointKey]))
        {
            return builder;
        }
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(SessionsTelemetry.Name)
                // Hub method invocations (.NET 9+); gRPC calls to Firestore show up through the HttpClient instrumentation.
                .AddSource("Microsoft.AspNetCore.SignalR.Server")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(SessionsTelemetry.Name)
                // Built into the runtime and the framework: no instrumentation package needed for these.
                .AddMeter("System.Runtime", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Http.Connections",
                    "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (string.IsNullOrWhiteSpace(ownEndpoint))
        {
            telemetry.UseOtlpExporter();
        }
        else
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, EndpointOf(ownEndpoint));
        }
        return builder;
    }

    private static Uri EndpointOf(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"{OtlpEndpointKey} must be an absolute http(s) URL such as http://collector:4317; '{value}' is not one.");
}
