namespace ChurnFunctions.Storage.Connection;

/// <summary>
/// Parses storage connection strings. Errors name the missing or bad setting, never the string itself (it holds a key).
/// </summary>
internal static class ConnectionStringParser
{
    public static StorageConnection Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty.");
        }

        var settings = Split(connectionString);
        if (settings.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!bool.TryParse(dev, out var useDev) || !useDev)
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' in a storage connection string.");
            }

            var host = settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy)
                ? ParseUri(proxy, "DevelopmentStorageProxyUri")
                : new Uri("http://127.0.0.1");
            var root = $"{host.Scheme}://{host.Host}";
            return new StorageConnection(
                StorageConnection.DevelopmentAccountName,
                new Uri($"{root}:10002/{StorageConnection.DevelopmentAccountName}"),
                new Uri($"{root}:10001/{StorageConnection.DevelopmentAccountName}"),
                new Uri($"{root}:10000/{StorageConnection.DevelopmentAccountName}"),
                new SharedKeyAuthorizer(StorageConnection.DevelopmentAccountName, Convert.FromBase64String(StorageConnection.DevelopmentAccountKey)),
                "SharedKey");
        }

        settings.TryGetValue("AccountName", out var account);
        settings.TryGetValue("DefaultEndpointsProtocol", out var protocol);
        protocol ??= "https";
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be 'http' or 'https' in a storage connection string.");
        }

        settings.TryGetValue("EndpointSuffix", out var suffix);
        suffix ??= "core.windows.net";

        Uri? Endpoint(string key, string service) =>
            settings.TryGetValue(key, out var explicitUri) ? StorageConnection.Trim(ParseUri(explicitUri, key))
            : string.IsNullOrEmpty(account) ? null
            : new Uri($"{protocol}://{account}.{service}.{suffix}");

        var table = Endpoint("TableEndpoint", "table");
        var queue = Endpoint("QueueEndpoint", "queue");
        var blob = Endpoint("BlobEndpoint", "blob");
        if (table is null && queue is null && blob is null)
        {
            throw new FormatException("A storage connection string needs AccountName or at least one of BlobEndpoint, QueueEndpoint, TableEndpoint.");
        }

        if (settings.TryGetValue("AccountKey", out var key))
        {
            if (string.IsNullOrEmpty(account))
            {
                throw new FormatException("A storage connection string with AccountKey needs AccountName.");
            }

            byte[] keyBytes;
            try
            {
                keyBytes = Convert.FromBase64String(key);
            }
            catch (FormatException)
            {
                throw new FormatException("AccountKey in the storage connection string is not valid base64.");
            }

            return new StorageConnection(account, table, queue, blob, new SharedKeyAuthorizer(account, keyBytes), "SharedKey");
        }

        if (settings.TryGetValue("SharedAccessSignature", out var sas))
        {
            return new StorageConnection(account, table, queue, blob, new SasAuthorizer(sas), "SAS");
        }

        throw new FormatException("A storage connection string needs AccountKey or SharedAccessSignature (or UseDevelopmentStorage=true).");
    }

    private static Dictionary<string, string> Split(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var equals = segments[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Segment {i + 1} of the storage connection string is not of the form Name=Value.");
            }

            var name = segments[i][..equals].Trim();
            if (!settings.TryAdd(name, segments[i][(equals + 1)..].Trim()))
            {
                throw new FormatException($"The storage connection string sets '{name}' twice.");
            }
        }

        return settings;
    }

    private static Uri ParseUri(string value, string setting) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"{setting} in the storage connection string is not an absolute http(s) URI.");
}
