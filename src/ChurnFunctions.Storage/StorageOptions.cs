using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Storage;

/// <summary>
/// The storage account, bound the way the Functions host reads it: the setting "AzureWebJobsStorage" holds a
/// connection string, or its children (AzureWebJobsStorage__accountName, __tableServiceUri, __queueServiceUri,
/// __blobServiceUri, __clientId, __credential) describe an identity-based connection. Tuning knobs are not read
/// from configuration; they have defaults and can be set in code. <see cref="Connection.StorageClients"/> turns these
/// settings into the SDK clients, the same way for both hosts.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "AzureWebJobsStorage";

    /// <summary>The one value of __credential the Functions host knows: the managed identity alone.</summary>
    public const string ManagedIdentity = "managedidentity";

    /// <summary>The value of the setting itself, e.g. "UseDevelopmentStorage=true". Holds a key: never log it.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Identity-based: the account name; service URIs default to https://{name}.{service}.core.windows.net.</summary>
    public string? AccountName { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; set; }

    /// <summary>"managedidentity" to use only the managed identity; otherwise DefaultAzureCredential.</summary>
    public string? Credential { get; set; }

    /// <summary>Time allowed for one attempt of one request (the SDK's network timeout).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt on 408, 429, 500, 502, 503, 504, timeouts and connection failures.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>True when either a connection string or an identity-based connection is set.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ConnectionString)
        || !string.IsNullOrWhiteSpace(AccountName)
        || TableServiceUri is not null
        || QueueServiceUri is not null
        || BlobServiceUri is not null;
}
