using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// Category abandonment needs purchase days per category, which the aggregate does not keep: this reads the
/// transactions of the only customers who can qualify (at least the rule's minimum purchase days, with categories).
/// Categories are compared trimmed and case-insensitively ("Coffee" from Shopify and "coffee " from a till are one
/// category); the first spelling seen names it.
/// </summary>
public sealed class CategoryHistoryReader(ICustomerStore store, IOptions<CategoryAbandonmentOptions> options)
{
    /// <summary>The categories each customer stopped buying as of <paramref name="day"/> while still buying others.</summary>
    public async Task<CategoryFindings> DetectAsync(IReadOnlyList<CustomerRecord> records, DateOnly day, CancellationToken cancellationToken)
    {
        if (!records.Any(r => r.CategorySpend.Count > 0))
        {
            return CategoryFindings.Skipped(CategoryFindings.NoCategoriesReason);
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var qualifying = records.Where(r => r.CategorySpend.Count > 0 && r.PurchaseDays.Count >= options.Value.MinimumPurchaseDays).ToList();
        if (qualifying.Count == 0)
        {
            return new CategoryFindings(result, null);
        }

        // One bulk read for all of them: the store pages or bounds its round trips, never one after another per customer.
        var transactionsOf = await store.GetTransactionsAsync([.. qualifying.Select(r => r.Id)], cancellationToken);
        foreach (var record in qualifying)
        {
            var names = new List<string>();
            var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var days = new List<int>();
            var categories = new List<int>();
            foreach (var transaction in transactionsOf.GetValueOrDefault(record.Id, []).Select(t => t.Transaction))
            {
                if (transaction.Kind != TransactionKind.Purchase || transaction.LocalDay > day)
                {
                    continue;
                }

                foreach (var line in transaction.Lines)
                {
                    if (string.IsNullOrWhiteSpace(line.Category))
                    {
                        continue;
                    }

                    var name = line.Category.Trim();
                    if (!ids.TryGetValue(name, out var id))
                    {
                        ids[name] = id = names.Count;
                        names.Add(name);
                    }

                    days.Add(transaction.LocalDay.DayNumber);
                    categories.Add(id);
                }
            }

            var lost = CategoryAbandonmentDetector.Detect([.. days], [.. categories], day.DayNumber, options.Value)
                .Where(a => a.IsCategoryLoss)
                .Select(a => names[a.Category])
                .Order(StringComparer.Ordinal)
                .ToList();
            if (lost.Count > 0)
            {
                result[record.Id] = lost;
            }
        }

        return new CategoryFindings(result, null);
    }
}
