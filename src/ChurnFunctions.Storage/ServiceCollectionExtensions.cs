using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Reporting;
using ChurnFunctions.Core.Campaigns.Tasks;
using ChurnFunctions.Core.Configuration;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Core.Scoring;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ChurnFunctions.Storage.Campaigns;
using ChurnFunctions.Storage.Connection;
using ChurnFunctions.Storage.Engagement;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Privacy;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage adapter: <see cref="StorageOptions"/> from "AzureWebJobsStorage" (the setting's value is a
    /// connection string; its children describe an identity-based connection), the SDK's TableServiceClient,
    /// QueueServiceClient and BlobServiceClient once with Microsoft.Extensions.Azure (as <see cref="StorageClients"/>
    /// resolves the settings), one <see cref="StorageAccount"/> over them, and
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
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.RetryBaseDelay >= TimeSpan.Zero, "AttemptTimeout must be positive and RetryBaseDelay not negative.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageSettingsValidation>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, sp) =>
                StorageClients.CreateTableServiceClient(Settings(sp), credential, options, RetryLogger(sp)));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, sp) =>
                StorageClients.CreateQueueServiceClient(Settings(sp), credential, options, RetryLogger(sp)));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, sp) =>
                StorageClients.CreateBlobServiceClient(Settings(sp), credential, options, RetryLogger(sp)));

            // Used only by an identity-based connection; a host may replace it with its own UseCredential.
            clients.UseCredential(sp => StorageClients.CreateCredential(Settings(sp)));
        });

        // Microsoft.Extensions.Azure forwards the SDKs' event sources to our loggers. Request logs carry URLs, and a
        // table entity's URL holds its keys (emails, phones): our clients log no requests at all, and for any other
        // Azure client in the process (the Durable Task backend's) only warnings pass, which carry no URL.
        services.AddLogging(logging => logging.AddFilter("Azure", LogLevel.Warning));
        services.TryAddSingleton(sp => new StorageAccount(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<QueueServiceClient>(),
            sp.GetRequiredService<BlobServiceClient>(),
            Settings(sp).MaxRetries));
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
        services.TryAddSingleton<ISendHistory, TableSendLedger>();
        services.TryAddSingleton<IChannelReservationStore, TableChannelReservationStore>();
        // Staff tasks are made on the way through the action log, the one place both campaign hosts record actions.
        services.TryAddSingleton<TableCampaignActionLog>();
        services.TryAddSingleton<IStaffTaskStore, TableStaffTaskStore>();
        services.TryAddSingleton<ICampaignActionLog>(sp =>
            new StaffTaskActionLog(sp.GetRequiredService<TableCampaignActionLog>(), sp.GetRequiredService<StaffTaskService>()));
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

    private static StorageOptions Settings(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static ILogger RetryLogger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger<StorageAccount>() ?? NullLogger<StorageAccount>.Instance;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? UriOrNull(string? value) =>
        NullIfEmpty(value) is { } text
            ? Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new OptionsValidationException(
                StorageOptions.SectionName, typeof(StorageOptions), [$"A {StorageOptions.SectionName} service URI is not an absolute URI."])
            : null;
}
