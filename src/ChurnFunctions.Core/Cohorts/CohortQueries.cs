using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Cohorts;

/// <summary>
/// Month of first purchase x months since: the share of each cohort still buying. Read from one aggregate row per
/// customer (its distinct purchase days), as the nightly run reads them, up to the latest run's day so the table and
/// the run agree; before any run, up to yesterday (UTC).
/// </summary>
public sealed class CohortQueries(ICustomerStore customers, IMetricsStore metrics, TimeProvider time)
{
    public async Task<CohortReport> GetAsync(CancellationToken cancellationToken)
    {
        var asOf = (await metrics.LatestAsync(cancellationToken))?.Date ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        var cohorts = new SortedDictionary<int, List<HashSet<int>>>();
        await foreach (var record in customers.ListAsync(cancellationToken))
        {
            if (Months(record, asOf) is not { Count: > 0 } months)
            {
                continue;
            }

            var first = months.Min();
            if (!cohorts.TryGetValue(first, out var members))
            {
                cohorts[first] = members = [];
            }

            members.Add([.. months.Select(m => m - first)]);
        }

        var last = MonthIndex(asOf);
        return new CohortReport(asOf, [.. cohorts.Select(c => Row(c.Key, c.Value, last - c.Key))]);
    }

    private static CohortRow Row(int month, List<HashSet<int>> members, int monthsSince)
    {
        var buying = Enumerable.Range(0, monthsSince + 1).Select(k => members.Count(m => m.Contains(k))).ToList();
        return new CohortRow($"{month / 12:D4}-{(month % 12) + 1:D2}", members.Count, buying, [.. buying.Select(b => (double)b / members.Count)]);
    }

    // Anonymous sales are not a customer, and a merged-away record's history lives in its survivor (as in scoring).
    private static HashSet<int>? Months(CustomerRecord record, DateOnly asOf) =>
        record.IsAnonymous || record.MergedInto is not null ? null : [.. record.PurchaseDays.Where(d => d <= asOf).Select(MonthIndex)];

    private static int MonthIndex(DateOnly day) => (day.Year * 12) + day.Month - 1;
}
