using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChurnFunctions.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>The domain's use cases and their options. Storage and senders come from the adapter projects.</summary>
    public static IServiceCollection AddChurnCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSourceNormalizers();
        services.AddSingleton<CustomerMerger>();
        services.AddSingleton<CustomerResolver>();
        services.AddSingleton<CustomerQueries>();
        services.AddSingleton<IngestProcessor>();
        services.AddSingleton<IngestMessageHandler>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<FileImporter>();
        return services;
    }
}
