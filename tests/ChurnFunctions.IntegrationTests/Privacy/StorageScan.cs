using System.Text;
using ChurnFunctions.Storage;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.IntegrationTests.Privacy;

/// <summary>Every entity of every table and every blob of every container in the account, searched for values.</summary>
internal static class StorageScan
{
    /// <summary>"table/partition/row: value" (or "container/blob: value") for each place a value occurs, ignoring case.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(StorageAccount account, IReadOnlyList<string> values, IReadOnlySet<string>? skipTables = null)
    {
        var hits = new List<string>();
        await foreach (var name in account.GetTableServiceClient().ListTablesAsync(default))
        {
            if (skipTables?.Contains(name) == true)
            {
                continue;
            }

            await foreach (var entity in account.GetTableClient(name).QueryAsync(new TableQuery(), default))
            {
                var text = new StringBuilder()
                    .Append(entity.PartitionKey).Append('\n').Append(KeyEncoder.Decode(entity.PartitionKey)).Append('\n')
                    .Append(entity.RowKey).Append('\n').Append(KeyEncoder.Decode(entity.RowKey)).Append('\n');
                foreach (var value in entity.Properties.Values)
                {
                    text.Append(value).Append('\n');
                }

                hits.AddRange(Matches(text.ToString(), values).Select(v => $"{name}/{entity.PartitionKey}/{entity.RowKey}: {v}"));
            }
        }

        await foreach (var container in account.GetBlobServiceClient().ListContainersAsync(default))
        {
            var client = account.GetBlobClient(container);
            await foreach (var blob in client.ListAsync(null, default))
            {
                var content = await client.GetAsync(blob.Name, default) ?? [];
                var text = blob.Name + "\n" + Encoding.UTF8.GetString(content);
                hits.AddRange(Matches(text, values).Select(v => $"{container}/{blob.Name}: {v}"));
            }
        }

        return hits;
    }

    // JSON documents may hold a value escaped ("+" as "\u002B"), so both spellings are searched.
    private static IEnumerable<string> Matches(string text, IReadOnlyList<string> values) =>
        values.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)
            || text.Contains(System.Text.Json.JsonEncodedText.Encode(v).ToString(), StringComparison.OrdinalIgnoreCase));
}
