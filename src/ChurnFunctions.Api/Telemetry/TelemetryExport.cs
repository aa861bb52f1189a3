using Microsoft.Extensions.Configuration;

namespace ChurnFunctions.Api.Telemetry;

/// <summary>
/// Where telemetry goes, from the standard settings the exporters themselves read (so they are named as the OpenTelemetry
/// and Application Insights documentation names them, not under a project section). Neither set: nothing is exported,
/// and the hosts do not build the pipeline at all, so an unobserved host pays nothing for spans.
/// </summary>
public sealed record TelemetryExport(Uri? OtlpEndpoint, string? ApplicationInsightsConnectionString)
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public bool Otlp => OtlpEndpoint is not null;

    public bool AzureMonitor => ApplicationInsightsConnectionString is not null;

    public bool Any => Otlp || AzureMonitor;

    /// <exception cref="InvalidOperationException">The OTLP endpoint is set but not an absolute http(s) URL; the host does not start.</exception>
    public static TelemetryExport From(IConfiguration configuration)
    {
        var endpoint = configuration[OtlpEndpointSetting] is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
        Uri? otlp = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out otlp) || otlp.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException(
                $"{OtlpEndpointSetting}: must be an absolute http or https URL of an OTLP collector, such as http://localhost:4317.");
        }

        var appInsights = configuration[ApplicationInsightsSetting] is { } cs && !string.IsNullOrWhiteSpace(cs) ? cs : null;
        return new(otlp, appInsights);
    }
}
