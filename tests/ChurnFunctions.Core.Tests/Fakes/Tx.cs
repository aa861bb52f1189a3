using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Tests.Fakes;

internal static class Tx
{
    public static Transaction Purchase(string id, string at, decimal total, string? category = null, string currency = "USD") =>
        new("test", id, TransactionKind.Purchase, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), currency, total, 0m,
            category is null ? [] : [new LineItem("SKU-" + id, category, 1, total)], SalesChannel.Online);

    public static Transaction Refund(string id, string of, string at, decimal amount, string? category = null) =>
        new("test", id, TransactionKind.Refund, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), "USD", amount, 0m,
            category is null ? [] : [new LineItem(null, category, 1, amount)], SalesChannel.Online, RefundOf: of);

    public static NormalizedTransaction For(Transaction t, string? platformKey = null, string? email = null, string? phone = null) =>
        new(t, platformKey is null && email is null && phone is null ? null : new CustomerIdentity(platformKey, email, phone));
}
