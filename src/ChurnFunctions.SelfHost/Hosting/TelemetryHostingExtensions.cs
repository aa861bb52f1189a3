using ChurnFunctions.Api.Telemetry;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace ChurnFunctions.SelfHost.Hosting;

public static class TelemetryHostingExtensions
{
    /// <summary>The service name spans, metrics and logs carry (OTEL_SERVICE_NAME overrides it).</summary>
    public const string ServiceName = "churn";

    /// <summary>
    /// OpenTelemetry for `churn serve`: traces (requests, queue messages and ingest deliveries, storage and provider
    /// calls), the project's metrics and logs through one pipeline, exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
    /// is. With neither, no pipeline is built unless <paramref name="configure"/> adds an exporter (tests add an
    /// in-memory one here, so they observe what production would export).
    /// </summary>
    public static WebApplicationBuilder AddChurnTelemetry(this WebApplicationBuilder builder, Action<OpenTelemetryBuilder>? configure = null)
    {
        var export = TelemetryExport.From(builder.Configuration);
        if (!export.Any && configure is null)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddChurnTracing())
            .WithMetrics(metrics => metrics.AddChurnMetrics())
            .WithLogging(configureBuilder: null, configureOptions: options => options.IncludeFormattedMessage = true);
        if (export.Otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (export.AzureMonitor)
        {
            telemetry.UseAzureMonitor();
        }

        configure?.Invoke(telemetry);
        return builder;
    }
}
