using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChurnFunctions.Storage.Connection;

/// <summary>
/// The one resolution of the storage account for both hosts, from the Functions setting names: the value of
/// "AzureWebJobsStorage" as a connection string, or its children (__accountName, __tableServiceUri,
/// __queueServiceUri, __blobServiceUri) with a token credential (__credential, __clientId). The SDK clients it builds
/// share one set of client options: our retry policy, no SDK request logging, base64 queue messages.
/// </summary>
public static class StorageClients
{
    private const string Setting = StorageOptions.SectionName;

    /// <summary>The table service the options describe; <paramref name="credential"/> replaces the one the settings name.</summary>
    public static TableServiceClient CreateTableServiceClient(
        StorageOptions options, TokenCredential? credential = null, TableClientOptions? clientOptions = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = Configure(clientOptions ?? new TableClientOptions(), options, logger);
        return HasConnectionString(options)
            ? new TableServiceClient(options.ConnectionString, configured)
            : new TableServiceClient(ServiceUri(options, "table"), credential ?? CreateCredential(options), configured);
    }

    /// <summary>The queue service the options describe; messages are base64 on the wire, as the Functions queue trigger reads them.</summary>
    public static QueueServiceClient CreateQueueServiceClient(
        StorageOptions options, TokenCredential? credential = null, QueueClientOptions? clientOptions = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = Configure(clientOptions ?? new QueueClientOptions(), options, logger);
        configured.MessageEncoding = QueueMessageEncoding.Base64;
        configured.MessageDecodingFailed -= Queues.UndecodableMessages.OnDecodingFailed;
        configured.MessageDecodingFailed += Queues.UndecodableMessages.OnDecodingFailed;
        return HasConnectionString(options)
            ? new QueueServiceClient(options.ConnectionString, configured)
            : new QueueServiceClient(ServiceUri(options, "queue"), credential ?? CreateCredential(options), configured);
    }

    public static BlobServiceClient CreateBlobServiceClient(
        StorageOptions options, TokenCredential? credential = null, BlobClientOptions? clientOptions = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = Configure(clientOptions ?? new BlobClientOptions(), options, logger);
        return HasConnectionString(options)
            ? new BlobServiceClient(options.ConnectionString, configured)
            : new BlobServiceClient(ServiceUri(options, "blob"), credential ?? CreateCredential(options), configured);
    }

    /// <summary>
    /// The credential of an identity-based connection: only the managed identity (user-assigned when __clientId is
    /// set) for __credential=managedidentity, as the Functions host reads it; otherwise DefaultAzureCredential.
    /// </summary>
    public static TokenCredential CreateCredential(StorageOptions options) => CreateCredential(options, transport: null);

    /// <summary>The same, its token requests sent over <paramref name="transport"/> (tests: a stub managed identity endpoint).</summary>
    internal static TokenCredential CreateCredential(StorageOptions options, HttpPipelineTransport? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.Equals(options.Credential, StorageOptions.ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            var id = string.IsNullOrWhiteSpace(options.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(options.ClientId);
            var managed = new ManagedIdentityCredentialOptions(id);
            if (transport is not null)
            {
                managed.Transport = transport;
            }

            return new ManagedIdentityCredential(managed);
        }

        var fallback = new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId };
        if (transport is not null)
        {
            fallback.Transport = transport;
        }

        return new DefaultAzureCredential(fallback);
    }

    /// <summary>
    /// What is wrong with the settings, each message naming the setting to fix; empty when the clients can be built.
    /// Never quotes the connection string: it holds the account key.
    /// </summary>
    public static IReadOnlyList<string> Validate(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (HasConnectionString(options))
        {
            try
            {
                _ = new TableServiceClient(options.ConnectionString);
                _ = new QueueServiceClient(options.ConnectionString);
                _ = new BlobServiceClient(options.ConnectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
            {
                errors.Add($"'{Setting}' is not a valid storage connection string for the table, queue and blob services ({ex.GetType().Name}).");
            }

            return errors;
        }

        if (!options.IsConfigured)
        {
            errors.Add($"Storage is not configured: set '{Setting}' (a connection string) or '{Setting}__accountName'.");
            return errors;
        }

        foreach (var service in (string[])["table", "queue", "blob"])
        {
            var uri = ExplicitUri(options, service);
            if (uri is null && string.IsNullOrWhiteSpace(options.AccountName))
            {
                errors.Add($"'{Setting}__{service}ServiceUri' is not set and there is no '{Setting}__accountName' to derive it from.");
            }
            else if (uri is not null && uri.Scheme != Uri.UriSchemeHttps)
            {
                // The SDK sends bearer tokens over TLS only.
                errors.Add($"'{Setting}__{service}ServiceUri' must be an https URI for an identity-based connection.");
            }
        }

        if (options.Credential is { Length: > 0 } credential
            && !string.Equals(credential, StorageOptions.ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"'{Setting}__credential' must be '{StorageOptions.ManagedIdentity}' or unset.");
        }

        if (options.ClientId is { Length: > 0 } clientId && !Guid.TryParse(clientId, out _))
        {
            errors.Add($"'{Setting}__clientId' must be the client id (a GUID) of a user-assigned managed identity.");
        }

        return errors;
    }

    /// <summary>The service endpoint of an identity-based connection: the explicit setting, else derived from the account name.</summary>
    public static Uri ServiceUri(StorageOptions options, string service)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ExplicitUri(options, service)
               ?? (string.IsNullOrWhiteSpace(options.AccountName)
                   ? throw new InvalidOperationException($"Set '{Setting}__{service}ServiceUri' or '{Setting}__accountName'.")
                   : new Uri($"https://{options.AccountName}.{service}.core.windows.net"));
    }

    private static Uri? ExplicitUri(StorageOptions options, string service) => service switch
    {
        "table" => options.TableServiceUri,
        "queue" => options.QueueServiceUri,
        _ => options.BlobServiceUri,
    };

    private static bool HasConnectionString(StorageOptions options) => !string.IsNullOrWhiteSpace(options.ConnectionString);

    private static T Configure<T>(T clientOptions, StorageOptions options, ILogger? logger)
        where T : ClientOptions
    {
        clientOptions.RetryPolicy = new StorageRetryPolicy(
            options.MaxRetries,
            DelayStrategy.CreateExponentialDelayStrategy(options.RetryBaseDelay, TimeSpan.FromSeconds(30)),
            logger ?? NullLogger.Instance);
        clientOptions.Retry.NetworkTimeout = options.AttemptTimeout;

        // The SDK logs each request's URL, and a table entity's URL holds its keys (emails, phones): no SDK request
        // logs. Failures reach our logs through StorageException, which names the table, never the keys.
        clientOptions.Diagnostics.IsLoggingEnabled = false;
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        return clientOptions;
    }
}
