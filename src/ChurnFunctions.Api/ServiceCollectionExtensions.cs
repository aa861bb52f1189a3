using ChurnFunctions.Api.Http;
using ChurnFunctions.Api.Http.Campaigns;
using ChurnFunctions.Api.Http.Engagement;
using ChurnFunctions.Core.Campaigns.Reporting;
using ChurnFunctions.Core;
using ChurnFunctions.Notifications;
using ChurnFunctions.SendGrid;
using ChurnFunctions.Twilio;
using ChurnFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Api;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything both hosts share: the use cases, the storage adapter and the HTTP endpoint handlers.</summary>
    public static IServiceCollection AddChurnFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddChurnCore(configuration);
        services.AddChurnStorage(configuration);
        // Providers when configured; the outbox stands in for each one that is not.
        services.AddSendGrid(configuration);
        services.AddTwilio(configuration);
        services.AddNotifications(configuration);
        services.AddSingleton<IngestEndpoints>();
        services.AddSingleton<ApiKeyGate>();
        services.AddSingleton<AdminKeyGate>();
        services.AddSingleton<PrivacyEndpoints>();
        services.AddSingleton<CustomerEndpoints>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<AnalyticsEndpoints>();
        services.AddSingleton<SendGridWebhookEndpoint>();
        services.AddSingleton<TwilioWebhookEndpoints>();
        services.AddSingleton<FeedbackEndpoints>();
        services.AddSingleton<CampaignEndpoints>();
        services.TryAddSingleton<CampaignReporter>();
        services.AddSingleton<CampaignReportEndpoint>();
        // The Twilio webhooks need AuthToken and PublicBaseUrl even where sending is not configured (then AddTwilio binds nothing).
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<TwilioOptions>)))
        {
            services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.SectionName));
        }
        return services;
    }
}
