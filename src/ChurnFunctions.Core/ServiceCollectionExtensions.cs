using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Configuration;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChurnFunctions.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>The domain's use cases and their options. Storage and senders come from the adapter projects.</summary>
    public static IServiceCollection AddChurnCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateSettings(WebhookOptions.SectionName).ValidateOnStart();
        services.AddOptions<ApiOptions>()
            .Configure(o => ApiKeyList.Bind(configuration.GetSection(ApiOptions.SectionName), o))
            .ValidateSettings(ApiOptions.SectionName)
            .ValidateOnStart();
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.SectionName)).ValidateSettings(IngestOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ChurnMetrics>();

        services.AddSourceNormalizers();
        services.AddSingleton<CustomerMerger>();
        services.AddSingleton<CustomerResolver>();
        services.AddSingleton<CustomerQueries>();
        services.AddSingleton<Exports.AnalystExports>();
        services.AddSingleton<Scoring.Comparison.MetricsComparer>();
        services.AddSingleton<IngestProcessor>();
        services.AddSingleton<IngestMessageHandler>();
        services.AddSingleton<IngestQueueWriter>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<FileEnvelopeReader>();
        services.AddSingleton<FileImporter>();
        services.AddSingleton<BulkFileImporter>();

        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName)).ValidateSettings(PrivacyOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<IdentityHasher>();
        services.TryAddSingleton<ErasureCheck>();
        services.AddSingleton<PrivacyService>();
        services.AddSingleton<Sources.Shopify.ShopifyPrivacyWebhook>();

        services.AddOptions<AnalyticsOptions>().Bind(configuration.GetSection(AnalyticsOptions.SectionName)).ValidateSettings(AnalyticsOptions.SectionName)
            .Validate(o => TimeZones.Find(o.ReportingTimeZone) is not null,
                "Analytics:ReportingTimeZone (Analytics__ReportingTimeZone) is not a known IANA time zone, such as Europe/London.")
            .ValidateOnStart();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.SectionName)).ValidateSettings(AlertOptions.SectionName).ValidateOnStart();
        services.AddOptions<ChurnOptions>().Bind(configuration.GetSection(ChurnOptions.SectionName)).ValidateSettings(ChurnOptions.SectionName).ValidateOnStart();
        services.AddOptions<PartialChurnOptions>().Bind(configuration.GetSection(PartialChurnOptions.SectionName)).ValidateSettings(PartialChurnOptions.SectionName).ValidateOnStart();
        services.AddOptions<CategoryAbandonmentOptions>().Bind(configuration.GetSection(CategoryAbandonmentOptions.SectionName)).ValidateSettings(CategoryAbandonmentOptions.SectionName).ValidateOnStart();
        services.AddOptions<ValueTierOptions>().Bind(configuration.GetSection(ValueTierOptions.SectionName)).ValidateSettings(ValueTierOptions.SectionName)
            .Validate(o => o.HighShare + o.MediumShare <= 1,
                "Analytics:ValueTiers:HighShare and Analytics:ValueTiers:MediumShare are shares of one customer base: together at most 1.")
            .ValidateOnStart();
        services.AddSingleton<CategoryHistoryReader>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<ScoringJob>();
        services.AddSingleton<ScoreQueries>();
        services.AddSingleton<AtRiskQueries>();
        services.AddSingleton<SegmentFlowQueries>();
        services.AddSingleton<ScoreHistoryQueries>();
        services.AddSingleton<Customers.CustomerMessageQueries>();
        services.AddSingleton<ModelHealth.ModelHealthQueries>();
        services.AddSingleton<Cohorts.CohortQueries>();
        services.AddSingleton<Campaigns.Enrollment.CampaignEnrollmentJob>();
        services.AddCampaigns(configuration);
        services.AddEngagement(configuration);
        services.TryAddSingleton<ICampaignEvents, NoCampaignEvents>();
        return services;
    }
}
