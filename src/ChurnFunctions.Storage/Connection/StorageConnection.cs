using Azure.Core;
using Azure.Identity;

namespace ChurnFunctions.Storage.Connection;

/// <summary>
/// Where the three services are and how requests are authorized, from a connection string or from identity-based
/// settings. <see cref="ToString"/> and every error message leave out keys, tokens and signatures.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>Azurite's well-known development account (public, documented; not a secret).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    internal StorageConnection(string? accountName, Uri? table, Uri? queue, Uri? blob, StorageAuthorizer authorizer, string authKind)
    {
        AccountName = accountName;
        TableEndpoint = table;
        QueueEndpoint = queue;
        BlobEndpoint = blob;
        Authorizer = authorizer;
        AuthKind = authKind;
    }

    public string? AccountName { get; }

    public Uri? TableEndpoint { get; }

    public Uri? QueueEndpoint { get; }

    public Uri? BlobEndpoint { get; }

    /// <summary>"SharedKey", "SAS" or "Bearer".</summary>
    public string AuthKind { get; }

    internal StorageAuthorizer Authorizer { get; }

    /// <summary>Parses a storage connection string (development storage, explicit endpoints, or account and suffix).</summary>
    public static StorageConnection Parse(string connectionString) => ConnectionStringParser.Parse(connectionString);

    /// <summary>
    /// The connection the options describe: their connection string if set, else an identity-based connection using
    /// <paramref name="credential"/>, or ManagedIdentityCredential / DefaultAzureCredential as the options say.
    /// </summary>
    public static StorageConnection FromOptions(StorageOptions options, TokenCredential? credential = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return Parse(options.ConnectionString);
        }

        if (!options.IsConfigured)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{StorageOptions.SectionName}' to a connection string, or " +
                $"'{StorageOptions.SectionName}__accountName' (or the __tableServiceUri/__queueServiceUri/__blobServiceUri settings).");
        }

        var account = options.AccountName;
        var table = options.TableServiceUri ?? AccountUri(account, "table");
        var queue = options.QueueServiceUri ?? AccountUri(account, "queue");
        var blob = options.BlobServiceUri ?? AccountUri(account, "blob");
        credential ??= CreateCredential(options);
        return new StorageConnection(account, Trim(table), Trim(queue), Trim(blob),
            new BearerTokenAuthorizer(credential, timeProvider ?? TimeProvider.System), "Bearer");
    }

    /// <summary>The endpoint of <paramref name="service"/>, or a clear error when the connection has none.</summary>
    public Uri GetEndpoint(StorageService service) =>
        (service switch
        {
            StorageService.Table => TableEndpoint,
            StorageService.Queue => QueueEndpoint,
            _ => BlobEndpoint,
        }) ?? throw new InvalidOperationException($"The storage connection has no {service} endpoint configured.");

    public override string ToString() =>
        $"StorageConnection(Account={AccountName ?? "-"}, Auth={AuthKind}, Table={TableEndpoint}, Queue={QueueEndpoint}, Blob={BlobEndpoint})";

    internal static Uri? Trim(Uri? uri) => uri is null ? null : new Uri(uri.AbsoluteUri.TrimEnd('/'));

    private static Uri? AccountUri(string? account, string service) =>
        string.IsNullOrWhiteSpace(account) ? null : new Uri($"https://{account}.{service}.core.windows.net");

    private static TokenCredential CreateCredential(StorageOptions options)
    {
        if (string.Equals(options.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(options.ClientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId });
    }
}
