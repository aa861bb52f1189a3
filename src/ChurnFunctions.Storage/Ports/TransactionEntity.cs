using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Ports;

/// <summary>A transaction row under its customer: RowKey "tx|{source}|{externalId}" (each part key-encoded).</summary>
internal static class TransactionEntity
{
    public const string RowKeyPrefix = "tx|";

    /// <summary>The first key after every "tx|..." key ('}' follows '|').</summary>
    public const string RowKeyEnd = "tx}";

    public static string RowKey(Transaction transaction) =>
        RowKeyPrefix + KeyEncoder.Encode(transaction.Source) + "|" + KeyEncoder.Encode(transaction.ExternalId);

    public static TableEntity From(string customerId, Transaction transaction, string? eventId, DateTimeOffset storedAt)
    {
        var entity = new TableEntity(KeyEncoder.Encode(customerId), RowKey(transaction))
        {
            ["Source"] = transaction.Source,
            ["ExternalId"] = transaction.ExternalId,
            ["Kind"] = transaction.Kind.ToString(),
            ["OccurredAt"] = EntityValues.Instant(transaction.OccurredAt),
            ["Currency"] = transaction.Currency,
            ["GrossTotal"] = EntityValues.Money(transaction.GrossTotal),
            ["Discounts"] = EntityValues.Money(transaction.Discounts),
            ["Channel"] = transaction.Channel.ToString(),
            ["Location"] = transaction.Location,
            ["RefundOf"] = transaction.RefundOf,
            ["EventId"] = eventId,
            ["StoredAt"] = EntityValues.Instant(storedAt),
        };
        EntityValues.SetLong(entity, "Lines", JsonSerializer.Serialize(
            transaction.Lines.Select(l => new LineJson(l.Sku, l.Category, l.Quantity, l.Amount)).ToList(), StorageJson.Default.ListLineJson));
        return entity;
    }

    public static StoredTransaction To(TableEntity entity)
    {
        var lines = EntityValues.GetLong(entity, "Lines") is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, StorageJson.Default.ListLineJson)!.Select(l => new LineItem(l.Sku, l.Category, l.Quantity, l.Amount)).ToList()
            : [];
        var transaction = new Transaction(
            entity.GetString("Source")!,
            entity.GetString("ExternalId")!,
            Enum.Parse<TransactionKind>(entity.GetString("Kind")!),
            EntityValues.Instant(entity, "OccurredAt")!.Value,
            entity.GetString("Currency")!,
            EntityValues.Money(entity, "GrossTotal"),
            EntityValues.Money(entity, "Discounts"),
            lines,
            Enum.Parse<SalesChannel>(entity.GetString("Channel")!),
            entity.GetString("Location"),
            entity.GetString("RefundOf"));
        return new StoredTransaction(
            KeyEncoder.Decode(entity.PartitionKey),
            transaction,
            entity.GetString("EventId"),
            EntityValues.Instant(entity, "StoredAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue);
    }
}
