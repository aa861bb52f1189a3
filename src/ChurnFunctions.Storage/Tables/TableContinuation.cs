namespace ChurnFunctions.Storage.Tables;

/// <summary>The service's x-ms-continuation-NextPartitionKey / NextRowKey pair: opaque, sent back as given.</summary>
public sealed record TableContinuation(string NextPartitionKey, string? NextRowKey)
{
    // The SDK's continuation token is the two values joined by a space; the service's values hold no spaces.
    internal static TableContinuation? FromToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var space = token.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? new TableContinuation(token, null) : new TableContinuation(token[..space], token[(space + 1)..]);
    }

    internal string ToToken() => NextRowKey is null ? NextPartitionKey : NextPartitionKey + " " + NextRowKey;
}
