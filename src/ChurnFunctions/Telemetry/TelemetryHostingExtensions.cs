using Azure.Monitor.OpenTelemetry.Exporter;
using ChurnFunctions.Api.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace ChurnFunctions.Telemetry;

public static class TelemetryHostingExtensions
{
    /// <summary>
    /// OpenTelemetry for the worker, as AddChurnTelemetry does for `churn serve`: the worker's invocation spans
    /// (continuing the host's trace) through Microsoft.Azure.Functions.Worker.OpenTelemetry, a span per queue message,
    /// requests, storage and provider calls, the project's metrics, and logs through the same pipeline; exported over
    /// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and to Azure Monitor when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is (host.json's telemetryMode makes the host do the same). With
    /// neither, no pipeline is built unless <paramref name="configure"/> adds an exporter.
    /// </summary>
    public static FunctionsApplicationBuilder AddChurnTelemetry(this FunctionsApplicationBuilder builder, Action<OpenTelemetryBuilder>? configure = null)
    {
        builder.UseWhen<QueueMessageSpanMiddleware>(QueueMessageSpanMiddleware.Handles);
        var export = TelemetryExport.From(builder.Configuration);
        if (!export.Any && configure is null)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry();
        telemetry.UseFunctionsWorkerDefaults();
        telemetry
            .WithTracing(tracing => tracing.AddChurnTracing())
            .WithMetrics(metrics => metrics.AddChurnMetrics())
            .WithLogging(configureBuilder: null, configureOptions: options => options.IncludeFormattedMessage = true);
        if (export.Otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (export.AzureMonitor)
        {
            // The exporter, not the ASP.NET Core distro: the worker is not the web host, and the instrumentation is ours.
            telemetry.UseAzureMonitorExporter();
        }

        configure?.Invoke(telemetry);
        return builder;
    }
}
