using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Customers;

/// <summary>
/// Folds transactions and identities into a <see cref="CustomerRecord"/>. Pure: the ingest handler reads the record,
/// applies what arrived and writes it back under the ETag it read, so a lost race is simply applied again.
/// </summary>
public static class CustomerAggregator
{
    public static CustomerRecord Apply(CustomerRecord record, Transaction transaction)
    {
        if (transaction.Kind == TransactionKind.Refund)
        {
            return ApplyRefund(record, transaction);
        }

        var currency = record.Currency ?? transaction.Currency;
        if (!string.Equals(currency, transaction.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return record with { OtherCurrencyTransactions = record.OtherCurrencyTransactions + 1 };
        }

        var day = transaction.LocalDay;
        var (days, daySpend) = AddToDay(record.PurchaseDays, record.PurchaseDaySpend, day, transaction.GrossTotal);
        var firstDay = days[0];
        var firstDaySpend = day < (record.PurchaseDays.Count > 0 ? record.PurchaseDays[0] : DateOnly.MaxValue)
            ? transaction.GrossTotal
            : day == firstDay ? record.FirstDaySpend + transaction.GrossTotal : record.FirstDaySpend;

        return record with
        {
            Currency = currency,
            FirstPurchaseAt = Min(record.FirstPurchaseAt, transaction.OccurredAt),
            LastPurchaseAt = Max(record.LastPurchaseAt, transaction.OccurredAt),
            PurchaseDays = days,
            PurchaseDaySpend = daySpend,
            OrderCount = record.OrderCount + 1,
            GrossSpend = record.GrossSpend + transaction.GrossTotal,
            NetSpend = record.NetSpend + transaction.GrossTotal,
            FirstDaySpend = firstDaySpend,
            CategorySpend = AddCategories(record.CategorySpend, transaction, 1m),
        };
    }

    /// <summary>Takes what the platform now says about the buyer; blanks never erase known values.</summary>
    public static CustomerRecord Apply(CustomerRecord record, CustomerIdentity identity)
    {
        var keys = record.PlatformKeys;
        if (identity.PlatformKey is { } key && !keys.Contains(key, StringComparer.Ordinal))
        {
            keys = [.. keys, key];
        }

        return record with
        {
            PlatformKeys = keys,
            Email = identity.Email ?? record.Email,
            Phone = identity.Phone ?? record.Phone,
            FirstName = identity.FirstName ?? record.FirstName,
            LastName = identity.LastName ?? record.LastName,
            Birthday = identity.Birthday ?? record.Birthday,
            TimeZone = identity.TimeZone ?? record.TimeZone,
            Consents = MergeConsents(record.Consents, identity.Consents ?? []),
        };
    }

    /// <summary>Folds a merged-away customer into the survivor: its history is recomputed from both partitions' rows.</summary>
    public static CustomerRecord Rebuild(CustomerRecord survivor, CustomerRecord mergedAway, IEnumerable<Transaction> allTransactions)
    {
        var profile = Apply(survivor, new CustomerIdentity(
            null, survivor.Email ?? mergedAway.Email, survivor.Phone ?? mergedAway.Phone, survivor.FirstName ?? mergedAway.FirstName,
            survivor.LastName ?? mergedAway.LastName, survivor.Birthday ?? mergedAway.Birthday,
            survivor.TimeZone ?? mergedAway.TimeZone, mergedAway.Consents));
        profile = profile with
        {
            PlatformKeys = [.. survivor.PlatformKeys.Union(mergedAway.PlatformKeys, StringComparer.Ordinal)],
        };

        var empty = profile with
        {
            Currency = null,
            FirstPurchaseAt = null,
            LastPurchaseAt = null,
            PurchaseDays = [],
            PurchaseDaySpend = [],
            OrderCount = 0,
            RefundCount = 0,
            GrossSpend = 0,
            NetSpend = 0,
            FirstDaySpend = 0,
            CategorySpend = new Dictionary<string, decimal>(),
            OtherCurrencyTransactions = 0,
        };

        // Purchases first so that refunds meet the currency their orders set.
        return allTransactions
            .OrderBy(t => t.Kind)
            .ThenBy(t => t.OccurredAt)
            .Aggregate(empty, Apply);
    }

    private static CustomerRecord ApplyRefund(CustomerRecord record, Transaction refund)
    {
        var currency = record.Currency ?? refund.Currency;
        if (!string.Equals(currency, refund.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return record with { OtherCurrencyTransactions = record.OtherCurrencyTransactions + 1 };
        }

        return record with
        {
            Currency = currency,
            RefundCount = record.RefundCount + 1,
            NetSpend = record.NetSpend - refund.GrossTotal,
            CategorySpend = AddCategories(record.CategorySpend, refund, -1m),
        };
    }

    private static (DateOnly[] Days, decimal[] Spend) AddToDay(IReadOnlyList<DateOnly> days, IReadOnlyList<decimal> spend, DateOnly day, decimal amount)
    {
        DateOnly[] dayList = [.. days];
        // Records stored before per-day spend was kept have none: their days count with zero spend.
        decimal[] spendList = spend.Count == days.Count ? [.. spend] : new decimal[days.Count];
        var index = Array.BinarySearch(dayList, day);
        if (index >= 0)
        {
            spendList[index] += amount;
            return (dayList, spendList);
        }

        index = ~index;
        return ([.. dayList[..index], day, .. dayList[index..]], [.. spendList[..index], amount, .. spendList[index..]]);
    }

    private static Dictionary<string, decimal> AddCategories(IReadOnlyDictionary<string, decimal> spend, Transaction transaction, decimal sign)
    {
        var result = new Dictionary<string, decimal>(spend, StringComparer.Ordinal);
        foreach (var line in transaction.Lines)
        {
            if (string.IsNullOrWhiteSpace(line.Category))
            {
                continue;
            }

            result[line.Category] = result.GetValueOrDefault(line.Category) + (sign * line.Amount);
        }

        return result;
    }

    private static ConsentRecord[] MergeConsents(IReadOnlyList<ConsentRecord> current, IReadOnlyList<ConsentRecord> incoming) =>
        [.. current.Concat(incoming)
            .GroupBy(c => c.Channel)
            .Select(g => g.MaxBy(c => c.At)!)
            .OrderBy(c => c.Channel)];

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x <= b ? x : b;

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x >= b ? x : b;
}
