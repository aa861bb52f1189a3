using ChurnFunctions.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChurnFunctions.Api.Telemetry;

/// <summary>
/// What both hosts' <c>AddChurnTelemetry</c> share: the sources and meters subscribed to, and the instrumentation
/// options that keep contact details out of spans. Each host adds its own exporters.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The Azure SDK clients emit spans through their ActivitySources only with this switch on (Azure.Core marks it
    /// experimental); the Azure Monitor distro sets it too, OTLP alone would not.
    /// </summary>
    public const string AzureActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>
    /// Incoming requests, outgoing HTTP (storage today, SendGrid, Twilio and alert webhooks), the Azure SDK clients'
    /// spans and the project's own, with URLs redacted (<see cref="TelemetryUrls"/>).
    /// </summary>
    public static TracerProviderBuilder AddChurnTracing(this TracerProviderBuilder tracing)
    {
        AppContext.SetSwitch(AzureActivitySourceSwitch, true);
        tracing.ConfigureServices(services => services.AddChurnInstrumentationPrivacy());
        return tracing
            .AddSource(ChurnTelemetry.SourceName, ChurnTelemetry.AzureSdkSources)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddProcessor(new PersonalDataSpanProcessor());
    }

    /// <summary>The project's meter, and ASP.NET Core's and HttpClient's own (durations by route and by host).</summary>
    public static MeterProviderBuilder AddChurnMetrics(this MeterProviderBuilder metrics) =>
        metrics
            .AddMeter(ChurnTelemetry.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation();

    /// <summary>
    /// Options rather than arguments to AddXInstrumentation, so the Azure Monitor distro's own registration of the same
    /// instrumentation gets them too. Exceptions are not recorded: their messages may quote an email or phone.
    /// </summary>
    internal static IServiceCollection AddChurnInstrumentationPrivacy(this IServiceCollection services)
    {
        services.Configure<AspNetCoreTraceInstrumentationOptions>(o =>
        {
            o.RecordException = false;
            o.EnrichWithHttpRequest = (activity, _) => PersonalDataSpanProcessor.Scrub(activity);
        });
        services.Configure<HttpClientTraceInstrumentationOptions>(o =>
        {
            o.RecordException = false;
            o.EnrichWithHttpRequestMessage = (activity, _) => PersonalDataSpanProcessor.Scrub(activity);
        });
        return services;
    }
}
