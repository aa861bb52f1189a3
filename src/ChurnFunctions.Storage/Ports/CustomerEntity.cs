using System.Globalization;
using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Ports;

/// <summary>A customer's "profile" row: scalars as columns, lists and dictionaries as compact JSON strings.</summary>
internal static class CustomerEntity
{
    public const string RowKey = "profile";

    public static TableEntity From(CustomerRecord record)
    {
        var entity = new TableEntity(KeyEncoder.Encode(record.Id), RowKey)
        {
            ["Id"] = record.Id,
            ["Email"] = record.Email,
            ["Phone"] = record.Phone,
            ["FirstName"] = record.FirstName,
            ["LastName"] = record.LastName,
            ["Birthday"] = record.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["TimeZone"] = record.TimeZone,
            ["IsAnonymous"] = record.IsAnonymous,
            ["FirstPurchaseAt"] = record.FirstPurchaseAt is { } first ? EntityValues.Instant(first) : null,
            ["LastPurchaseAt"] = record.LastPurchaseAt is { } last ? EntityValues.Instant(last) : null,
            ["OrderCount"] = record.OrderCount,
            ["RefundCount"] = record.RefundCount,
            ["GrossSpend"] = EntityValues.Money(record.GrossSpend),
            ["NetSpend"] = EntityValues.Money(record.NetSpend),
            ["FirstDaySpend"] = EntityValues.Money(record.FirstDaySpend),
            ["Currency"] = record.Currency,
            ["OtherCurrencyTransactions"] = record.OtherCurrencyTransactions,
            ["MergedInto"] = record.MergedInto,
        };
        EntityValues.SetLong(entity, "PlatformKeys", JsonSerializer.Serialize(record.PlatformKeys.ToList(), StorageJson.Default.ListString));
        EntityValues.SetLong(entity, "Consents", JsonSerializer.Serialize(
            record.Consents.Select(c => new ConsentJson(c.Channel.ToString(), c.Granted, c.Source, c.At)).ToList(), StorageJson.Default.ListConsentJson));
        EntityValues.SetLong(entity, "PurchaseDays", EntityValues.Days(record.PurchaseDays));
        EntityValues.SetLong(entity, "PurchaseDaySpend", string.Join(',', record.PurchaseDaySpend.Select(EntityValues.Money)));
        EntityValues.SetLong(entity, "CategorySpend", JsonSerializer.Serialize(
            new Dictionary<string, decimal>(record.CategorySpend), StorageJson.Default.DictionaryStringDecimal));
        return entity;
    }

    public static CustomerRecord To(TableEntity entity) => new()
    {
        Id = entity.GetString("Id") ?? KeyEncoder.Decode(entity.PartitionKey),
        PlatformKeys = Json(entity, "PlatformKeys", StorageJson.Default.ListString) ?? [],
        Email = entity.GetString("Email"),
        Phone = entity.GetString("Phone"),
        FirstName = entity.GetString("FirstName"),
        LastName = entity.GetString("LastName"),
        Birthday = entity.GetString("Birthday") is { } birthday ? DateOnly.ParseExact(birthday, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        TimeZone = entity.GetString("TimeZone"),
        Consents = Json(entity, "Consents", StorageJson.Default.ListConsentJson)?
            .Select(c => new ConsentRecord(Enum.Parse<MessageChannel>(c.Channel), c.Granted, c.Source, c.At)).ToList() ?? [],
        IsAnonymous = entity.GetBoolean("IsAnonymous") ?? false,
        FirstPurchaseAt = EntityValues.Instant(entity, "FirstPurchaseAt"),
        LastPurchaseAt = EntityValues.Instant(entity, "LastPurchaseAt"),
        PurchaseDays = EntityValues.Days(EntityValues.GetLong(entity, "PurchaseDays")),
        PurchaseDaySpend = EntityValues.GetLong(entity, "PurchaseDaySpend") is { Length: > 0 } daySpend
            ? [.. daySpend.Split(',').Select(v => decimal.Parse(v, NumberStyles.Number, CultureInfo.InvariantCulture))]
            : [],
        OrderCount = entity.GetInt32("OrderCount") ?? 0,
        RefundCount = entity.GetInt32("RefundCount") ?? 0,
        GrossSpend = EntityValues.Money(entity, "GrossSpend"),
        NetSpend = EntityValues.Money(entity, "NetSpend"),
        FirstDaySpend = EntityValues.Money(entity, "FirstDaySpend"),
        CategorySpend = Json(entity, "CategorySpend", StorageJson.Default.DictionaryStringDecimal) ?? new Dictionary<string, decimal>(),
        Currency = entity.GetString("Currency"),
        OtherCurrencyTransactions = entity.GetInt32("OtherCurrencyTransactions") ?? 0,
        MergedInto = entity.GetString("MergedInto"),
    };

    private static T? Json<T>(TableEntity entity, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        EntityValues.GetLong(entity, name) is { Length: > 0 } text ? JsonSerializer.Deserialize(text, type) : default;
}
