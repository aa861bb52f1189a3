using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.Storage.Blobs;
using ChurnFunctions.Storage.Campaigns;
using ChurnFunctions.Storage.Engagement;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Privacy;

/// <summary>
/// Finds one person's rows in every table of the account, so a table added later is covered without a change here.
/// Tables keyed by customer id are read by key (a partition, or a server-side filter); every other table is scanned
/// and a row matches when its keys or values hold the customer id, one of their campaign instance ids or a personal
/// value (as a whole token, so "shopify:12" does not match "shopify:123"). A row that names the person only in its
/// values, in a table whose rows concern many people (alerts, metrics, campaign definitions, alert digests in the
/// outbox), is redacted instead of deleted. Scans cost a read of those tables per request: export and erasure are
/// rare, and correctness matters more than their speed.
/// </summary>
public sealed class StorageCustomerData(StorageAccount account) : ICustomerDataStore
{
    public const string ExportsContainer = "privacy-exports";
    public const string Redacted = "[erased]";

    // The erasure list and the audit keep no personal values, only hashes and ids: they must outlive the erasure.
    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase) { TableErasureList.TableName, TablePrivacyAudit.TableName };

    private static readonly HashSet<string> Shared = new(StringComparer.OrdinalIgnoreCase)
    {
        TableAlertStore.TableName, TableMetricsStore.TableName, TableCampaignDefinitionStore.TableName,
    };

    public async Task<CustomerDataExport> ExportAsync(DataSubject subject, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var tables = new Dictionary<string, IReadOnlyList<JsonObject>>(StringComparer.Ordinal);
        await foreach (var (table, entity, shared) in FindAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            if (!tables.TryGetValue(table.Name, out var rows))
            {
                tables[table.Name] = rows = new List<JsonObject>();
            }

            ((List<JsonObject>)rows).Add(shared ? SharedRow(entity) : ToJson(entity));
        }

        var blobs = new List<ExportedBlob>();
        await foreach (var (name, content) in FindBodiesAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            blobs.Add(new ExportedBlob(Triggers.IngestBodiesContainer, name, content));
        }

        return new CustomerDataExport(subject.CustomerId, at, tables, blobs);
    }

    public async Task<IReadOnlyDictionary<string, int>> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var needles = Needles(subject);
        await foreach (var (table, entity, redact) in FindAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            if (redact)
            {
                await table.UpdateAsync(RedactedCopy(entity, needles), "*", TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.DeleteAsync(entity.PartitionKey, entity.RowKey, "*", cancellationToken).ConfigureAwait(false);
            }

            counts[table.Name] = counts.GetValueOrDefault(table.Name) + 1;
        }

        var bodies = account.GetBlobClient(Triggers.IngestBodiesContainer);
        await foreach (var (name, _) in FindBodiesAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            await bodies.DeleteAsync(name, cancellationToken).ConfigureAwait(false);
            counts[Triggers.IngestBodiesContainer] = counts.GetValueOrDefault(Triggers.IngestBodiesContainer) + 1;
        }

        var exports = account.GetBlobClient(ExportsContainer);
        await foreach (var blob in exports.ListAsync(ExportPrefix(subject.CustomerId), cancellationToken).ConfigureAwait(false))
        {
            await exports.DeleteAsync(blob.Name, cancellationToken).ConfigureAwait(false);
            counts[ExportsContainer] = counts.GetValueOrDefault(ExportsContainer) + 1;
        }

        return counts;
    }

    public async Task<string> SaveExportAsync(CustomerDataExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var name = ExportPrefix(export.CustomerId) + export.ExportedAt.UtcDateTime.ToString("yyyyMMddTHHmmssfffZ", System.Globalization.CultureInfo.InvariantCulture) + ".json";
        var container = account.GetBlobClient(ExportsContainer);
        await container.CreateContainerIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await container.PutAsync(name, JsonSerializer.SerializeToUtf8Bytes(export, JsonSerializerOptions.Web), "application/json", cancellationToken).ConfigureAwait(false);
        return ExportsContainer + "/" + name;
    }

    public async Task<IReadOnlyDictionary<string, int>> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var transactions = 0;
        var customers = account.GetTableClient(TableCustomerStore.TableName);
        var filter = $"RowKey ge {TableQuery.Literal(TransactionEntity.RowKeyPrefix)} and RowKey lt {TableQuery.Literal(TransactionEntity.RowKeyEnd)}";
        await foreach (var entity in customers.QueryAsync(new TableQuery(filter, ["PartitionKey", "RowKey", "OccurredAt"]), cancellationToken).ConfigureAwait(false))
        {
            if (EntityValues.Instant(entity, "OccurredAt") is { } occurred && occurred < cutoff)
            {
                await customers.DeleteAsync(entity.PartitionKey, entity.RowKey, "*", cancellationToken).ConfigureAwait(false);
                transactions++;
            }
        }

        var blobs = 0;
        var bodies = account.GetBlobClient(Triggers.IngestBodiesContainer);
        await foreach (var blob in bodies.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (blob.LastModified is { } modified && modified < cutoff)
            {
                await bodies.DeleteAsync(blob.Name, cancellationToken).ConfigureAwait(false);
                blobs++;
            }
        }

        return new Dictionary<string, int> { ["transactions"] = transactions, ["blobs"] = blobs };
    }

    // The matches table by table; the Boolean says redact (true) or delete. Campaign instances come first: their ids
    // name the ledger, action, outbox and SMS delivery rows of the person's sends.
    private async IAsyncEnumerable<(TableClient Table, TableEntity Entity, bool Redact)> FindAsync(
        DataSubject subject, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = subject.CustomerId;
        var encodedId = TableQuery.Literal(KeyEncoder.Encode(id));
        var names = new List<string>();
        await foreach (var name in account.GetTableServiceClient().ListTablesAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(name);
        }

        var keyed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [TableCustomerStore.TableName] = $"PartitionKey eq {encodedId} or MergedInto eq {TableQuery.Literal(id)}",
            [TableIdentityIndex.TableName] = $"CustomerId eq {TableQuery.Literal(id)}",
            [TableScoreStore.TableName] = $"RowKey eq {encodedId}",
            [TableFeedbackStore.TableName] = $"RowKey eq {encodedId}",
            [TableFeedbackStore.LatestTableName] = $"PartitionKey eq {encodedId}",
            [TableCampaignInstanceStore.CustomersTable] = $"PartitionKey eq {encodedId}",
            [TableCampaignInstanceStore.InstancesTable] = $"CustomerId eq {TableQuery.Literal(id)}",
        };

        var keyNeedles = new List<string>(Needles(subject));
        foreach (var name in names.Where(keyed.ContainsKey).OrderBy(n => n == TableCampaignInstanceStore.InstancesTable ? 0 : 1))
        {
            var table = account.GetTableClient(name);
            await foreach (var entity in table.QueryAsync(new TableQuery(keyed[name]), cancellationToken).ConfigureAwait(false))
            {
                if (name == TableCampaignInstanceStore.InstancesTable)
                {
                    keyNeedles.Add(KeyEncoder.Decode(entity.PartitionKey));
                }

                yield return (table, entity, false);
            }
        }

        var caps = account.GetTableClient(TableChannelReservationStore.TableName);
        if (names.Contains(caps.Name, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var key in subject.DerivedKeys)
            {
                if (await caps.GetEntityAsync(KeyEncoder.Encode(key), "cap", cancellationToken).ConfigureAwait(false) is { } cap)
                {
                    yield return (caps, cap, false);
                }
            }
        }

        var valueNeedles = Needles(subject);
        foreach (var name in names.Where(n => !keyed.ContainsKey(n) && !Kept.Contains(n) && n != caps.Name && !IsDurableTaskHub(n)))
        {
            var table = account.GetTableClient(name);
            await foreach (var entity in table.QueryAsync(new TableQuery(), cancellationToken).ConfigureAwait(false))
            {
                var inKeys = ContainsAny(KeyEncoder.Decode(entity.PartitionKey), keyNeedles) || ContainsAny(KeyEncoder.Decode(entity.RowKey), keyNeedles);
                if (inKeys)
                {
                    yield return (table, entity, false);
                }
                else if (Texts(entity).Any(t => ContainsAny(t, valueNeedles)))
                {
                    var shared = Shared.Contains(name) || (name == TableOutbox.TableName && entity.RowKey.StartsWith("alert", StringComparison.Ordinal));
                    yield return (table, entity, shared);
                }
            }
        }
    }

    private async IAsyncEnumerable<(string Name, string Content)> FindBodiesAsync(
        DataSubject subject, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var needles = Needles(subject);
        var bodies = account.GetBlobClient(Triggers.IngestBodiesContainer);
        await foreach (var blob in bodies.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (await bodies.GetAsync(blob.Name, cancellationToken).ConfigureAwait(false) is { } bytes)
            {
                var text = Encoding.UTF8.GetString(bytes);
                if (ContainsAny(text, needles))
                {
                    yield return (blob.Name, text);
                }
            }
        }
    }

    // The Durable Task hub's own tables (Functions app): purged through the Durable client, not edited row by row.
    private static bool IsDurableTaskHub(string table) =>
        table.EndsWith("History", StringComparison.Ordinal) || table.EndsWith("Instances", StringComparison.Ordinal);

    private static string ExportPrefix(string customerId) => KeyEncoder.Encode(customerId) + "/";

    // Each value as stored and as JSON writes it inside a document ("+" as "\u002B").
    private static IReadOnlyList<string> Needles(DataSubject subject)
    {
        var needles = new List<string> { subject.CustomerId };
        needles.AddRange(subject.Values);
        foreach (var value in subject.Values)
        {
            var escaped = JsonEncodedText.Encode(value).ToString();
            if (escaped != value)
            {
                needles.Add(escaped);
            }
        }

        return [.. needles.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Texts(TableEntity entity) =>
        entity.Properties.Values.OfType<string>().Append(EntityValues.GetLong(entity, "Json") ?? string.Empty);

    private static bool ContainsAny(string text, IReadOnlyList<string> needles) => needles.Any(n => IndexOfToken(text, n, 0) >= 0);

    /// <summary>Where <paramref name="needle"/> occurs in <paramref name="text"/> not flanked by a letter or digit, else -1.</summary>
    internal static int IndexOfToken(string text, string needle, int start)
    {
        for (var i = text.IndexOf(needle, start, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(needle, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]) || AfterJsonEscape(text, i);
            var end = i + needle.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return i;
            }
        }

        return -1;
    }

    // Inside a JSON document "\n" or "\u003C" ends in a letter, yet stands for a separator.
    private static bool AfterJsonEscape(string text, int i) =>
        (i >= 2 && text[i - 2] == '\\' && "nrtbf\"/".Contains(text[i - 1], StringComparison.Ordinal))
        || (i >= 6 && text[i - 6] == '\\' && text[i - 5] == 'u' && text.Substring(i - 4, 4).All(char.IsAsciiHexDigit));

    private static TableEntity RedactedCopy(TableEntity entity, IReadOnlyList<string> needles)
    {
        var copy = new TableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            copy[name] = value is string text ? Redact(text, needles) : value;
        }

        return copy;
    }

    private static string Redact(string text, IReadOnlyList<string> needles)
    {
        foreach (var needle in needles.OrderByDescending(n => n.Length))
        {
            for (var i = IndexOfToken(text, needle, 0); i >= 0; i = IndexOfToken(text, needle, i + Redacted.Length))
            {
                text = string.Concat(text.AsSpan(0, i), Redacted, text.AsSpan(i + needle.Length));
            }
        }

        return text;
    }

    // A row about several people (an alert digest) names others too: the export says it exists, not what it holds.
    private static JsonObject SharedRow(TableEntity entity) => new()
    {
        ["partitionKey"] = KeyEncoder.Decode(entity.PartitionKey),
        ["rowKey"] = KeyEncoder.Decode(entity.RowKey),
        ["note"] = "This row names the customer among others; erasure replaces their values with " + Redacted + ".",
    };

    private static JsonObject ToJson(TableEntity entity)
    {
        var row = new JsonObject
        {
            ["partitionKey"] = KeyEncoder.Decode(entity.PartitionKey),
            ["rowKey"] = KeyEncoder.Decode(entity.RowKey),
        };
        foreach (var (name, value) in entity.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            row[name] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType());
        }

        return row;
    }
}
