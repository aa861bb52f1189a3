using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Reporting;
using ChurnFunctions.Core.Configuration;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Storage.Campaigns;
using ChurnFunctions.Storage.Engagement;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage adapter: <see cref="StorageOptions"/> from "AzureWebJobsStorage" (the setting's value is a
    /// connection string; its children describe an identity-based connection), one <see cref="StorageAccount"/>, and
    /// the ports <see cref="ICustomerStore"/>, <see cref="IIdentityIndex"/>, <see cref="IMessageQueueFactory"/> and
    /// <see cref="IBlobStore"/> (and the other stores), and <see cref="ITimerLeases"/>. Options are validated on start. <paramref name="configure"/> sets tuning knobs in code.
    /// </summary>
    public static IServiceCollection AddChurnStorage(
        this IServiceCollection services, IConfiguration configuration, Action<StorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Configure(options =>
            {
                // The setting is both a value and a section, which the binder cannot express: read both here.
                var section = configuration.GetSection(StorageOptions.SectionName);
                options.ConnectionString = NullIfEmpty(section.Value) ?? options.ConnectionString;
                options.AccountName = NullIfEmpty(section["accountName"]) ?? options.AccountName;
                options.TableServiceUri = UriOrNull(section["tableServiceUri"]) ?? options.TableServiceUri;
                options.QueueServiceUri = UriOrNull(section["queueServiceUri"]) ?? options.QueueServiceUri;
                options.BlobServiceUri = UriOrNull(section["blobServiceUri"]) ?? options.BlobServiceUri;
                options.ClientId = NullIfEmpty(section["clientId"]) ?? options.ClientId;
                options.Credential = NullIfEmpty(section["credential"]) ?? options.Credential;
                configure?.Invoke(options);
            })
            .ValidateSettings(StorageOptions.SectionName)
            .Validate(o => o.IsConfigured, $"Storage is not configured: set '{StorageOptions.SectionName}' (a connection string) or '{StorageOptions.SectionName}__accountName'.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.RetryBaseDelay >= TimeSpan.Zero, "AttemptTimeout must be positive and RetryBaseDelay not negative.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => StorageAccount.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ICustomerStore, TableCustomerStore>();
        services.TryAddSingleton<IIdentityIndex, TableIdentityIndex>();
        services.TryAddSingleton<ITransactionLookup, TableTransactionLookup>();
        services.TryAddSingleton<IStoredCustomersScan, TableStoredCustomersScan>();
        services.TryAddSingleton<IMessageQueueFactory, StorageMessageQueueFactory>();
        services.TryAddSingleton<IBlobStore, StorageBlobStore>();
        services.TryAddSingleton<ITimerLeases, BlobTimerLeases>();
        services.TryAddSingleton<IScoreStore, TableScoreStore>();
        services.TryAddSingleton<IMetricsStore, TableMetricsStore>();
        services.TryAddSingleton<IAlertStore, TableAlertStore>();
        services.TryAddSingleton<IOutbox, TableOutbox>();
        services.TryAddSingleton<ICampaignInstanceStore, TableCampaignInstanceStore>();
        services.TryAddSingleton<ICampaignInstanceReader, TableCampaignInstanceReader>();
        services.TryAddSingleton<ISendLedger, TableSendLedger>();
        services.TryAddSingleton<IChannelReservationStore, TableChannelReservationStore>();
        services.TryAddSingleton<ICampaignActionLog, TableCampaignActionLog>();
        services.TryAddSingleton<IWakeUpScheduler, QueueWakeUpScheduler>();
        services.TryAddSingleton<TableSuppressionList>();
        services.TryAddSingleton<IErasureList, TableErasureList>();
        services.TryAddSingleton<IPrivacyAudit, TablePrivacyAudit>();
        services.TryAddSingleton<ICustomerDataStore, StorageCustomerData>();
        services.TryAddSingleton<IdentityHasher>();
        services.TryAddSingleton<ErasureCheck>();

        // Erased people are on the global suppression list too (by hash): every sender already asks it.
        services.TryAddSingleton<ISuppressionList>(sp =>
            new ErasedAddressSuppressions(sp.GetRequiredService<TableSuppressionList>(), sp.GetRequiredService<ErasureCheck>()));
        services.TryAddSingleton<IProcessedEvents, TableProcessedEvents>();
        services.TryAddSingleton<ISmsDeliveryLog, TableSmsDeliveryLog>();
        services.TryAddSingleton<IFeedbackStore, TableFeedbackStore>();
        services.TryAddSingleton<ICampaignDefinitionStore, TableCampaignDefinitionStore>();
        return services;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? UriOrNull(string? value) =>
        NullIfEmpty(value) is { } text
            ? Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new OptionsValidationException(
                StorageOptions.SectionName, typeof(StorageOptions), [$"A {StorageOptions.SectionName} service URI is not an absolute URI."])
            : null;
}
