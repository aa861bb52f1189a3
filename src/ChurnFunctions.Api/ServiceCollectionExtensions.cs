using ChurnFunctions.Api.Configuration;
using ChurnFunctions.Api.Http;
using ChurnFunctions.Api.Http.Campaigns;
using ChurnFunctions.Api.Http.Engagement;
using ChurnFunctions.Api.Logging;
using ChurnFunctions.Core.Campaigns.Reporting;
using ChurnFunctions.Core;
using ChurnFunctions.Core.Configuration;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.Notifications;
using ChurnFunctions.SendGrid;
using ChurnFunctions.Twilio;
using ChurnFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Api;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything both hosts share: the use cases, the storage adapter and the HTTP endpoint handlers.</summary>
    public static IServiceCollection AddChurnFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddChurnLogPrivacy();
        services.AddChurnCore(configuration);
        services.AddChurnStorage(configuration);
        // Providers when configured; the outbox stands in for each one that is not.
        services.AddSendGrid(configuration);
        services.AddTwilio(configuration);
        services.AddNotifications(configuration);
        services.AddSingleton<IngestEndpoints>();
        services.AddSingleton<ApiKeyGate>();
        services.AddSingleton<PrivacyEndpoints>();
        services.AddSingleton<CustomerEndpoints>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<AnalyticsEndpoints>();
        services.AddSingleton<AtRiskEndpoint>();
        services.AddSingleton<CohortsEndpoint>();
        services.AddSingleton<SegmentFlowsEndpoint>();
        services.AddSingleton<ModelHealthEndpoint>();
        services.AddSingleton<ScoreHistoryEndpoint>();
        services.AddSingleton<CustomerMessagesEndpoint>();
        services.AddSingleton<CustomerAlertsEndpoint>();
        services.AddSingleton<DashboardEndpoint>();
        services.AddSingleton<ExportEndpoints>();
        services.AddSingleton<MetricsCompareEndpoint>();
        services.AddSingleton<SendGridWebhookEndpoint>();
        services.AddSingleton<TwilioWebhookEndpoints>();
        services.AddSingleton<FeedbackEndpoints>();
        services.AddSingleton<CampaignEndpoints>();
        services.TryAddSingleton<CampaignReporter>();
        services.AddSingleton<CampaignReportEndpoint>();
        services.AddSingleton<CampaignSchemaEndpoint>();
        services.AddSingleton<EnrollEndpoint>();
        services.AddSingleton<StaffTaskEndpoints>();
        // The Twilio webhooks need AuthToken and PublicBaseUrl even where sending is not configured (then AddTwilio binds nothing).
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<TwilioOptions>)))
        {
            services.AddOptions<TwilioOptions>()
                .Bind(configuration.GetSection(TwilioOptions.SectionName))
                .ValidateSettings(TwilioOptions.SectionName)
                .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri,
                    "Twilio:PublicBaseUrl (Twilio__PublicBaseUrl) must be an absolute URL, the one Twilio calls the webhooks on.")
                .ValidateOnStart();
        }
        services.AddTimerScheduleValidation(configuration);
        return services;
    }

    /// <summary>
    /// Keeps URLs out of the logs of both hosts: the HttpClientFactory clients (SendGrid, the alert webhook) log no
    /// requests, and the framework's request loggers are capped at Warning (<see cref="UrlLoggingFilter"/>).
    /// </summary>
    public static IServiceCollection AddChurnLogPrivacy(this IServiceCollection services)
    {
        services.ConfigureHttpClientDefaults(client => client.RemoveAllLoggers());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<LoggerFilterOptions>, UrlLoggingFilter>());
        return services;
    }

    private static void AddTimerScheduleValidation(this IServiceCollection services, IConfiguration configuration)
    {
        var schedules = services.AddOptions<TimerScheduleOptions>().Configure(o =>
        {
            foreach (var timer in Triggers.Timers)
            {
                o.Schedules[timer.ScheduleSetting] = configuration[timer.ScheduleSetting];
            }
        });
        foreach (var timer in Triggers.Timers)
        {
            schedules.Validate(
                o => TimerScheduleOptions.IsValid(o.Schedules[timer.ScheduleSetting]),
                $"{timer.ScheduleSetting}: use a six-field NCRONTAB expression in UTC, seconds first (e.g. '{timer.DefaultSchedule}'), or an interval such as 00:05:00.");
        }

        schedules.ValidateOnStart();
    }
}
