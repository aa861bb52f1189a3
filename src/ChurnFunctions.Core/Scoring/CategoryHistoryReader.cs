using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// Category abandonment needs purchase days per category, which the aggregate does not keep: this reads the
/// transactions of the only customers who can qualify (at least the rule's minimum purchase days, with categories).
/// </summary>
public sealed class CategoryHistoryReader(ICustomerStore store, IOptions<CategoryAbandonmentOptions> options)
{
    /// <summary>Customer id -> the categories it abandoned as of <paramref name="day"/>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DetectAsync(
        IReadOnlyList<CustomerRecord> records, DateOnly day, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => r.CategorySpend.Count > 0 && r.PurchaseDays.Count >= options.Value.MinimumPurchaseDays))
        {
            var names = new List<string>();
            var rows = (await store.GetTransactionsAsync(record.Id, cancellationToken))
                .Select(t => t.Transaction)
                .Where(t => t.Kind == TransactionKind.Purchase && t.LocalDay <= day)
                .SelectMany(t => t.Lines.Where(l => !string.IsNullOrWhiteSpace(l.Category)).Select(l => (Day: t.LocalDay.DayNumber, Category: l.Category!)))
                .Distinct()
                .OrderBy(r => r.Day)
                .ToList();
            foreach (var (_, category) in rows)
            {
                if (!names.Contains(category))
                {
                    names.Add(category);
                }
            }

            var days = rows.Select(r => r.Day).ToArray();
            var categories = rows.Select(r => names.IndexOf(r.Category)).ToArray();
            var abandoned = CategoryAbandonmentDetector.Detect(days, categories, day.DayNumber, options.Value);
            if (abandoned.Count > 0)
            {
                result[record.Id] = [.. abandoned.Select(a => names[a.Category])];
            }
        }

        return result;
    }
}
