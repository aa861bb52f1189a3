using ChurnFunctions.Api.Http;
using ChurnFunctions.Core;
using ChurnFunctions.Notifications;
using ChurnFunctions.SendGrid;
using ChurnFunctions.Twilio;
using ChurnFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddSingleton<CustomerEndpoints>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<AnalyticsEndpoints>();
        return services;
    }
}
