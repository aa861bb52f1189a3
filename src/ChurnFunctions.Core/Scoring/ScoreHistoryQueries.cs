using ChurnFunctions.Core.Customers;

namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// A customer's scores run by run: one point read per published run day in the range (scores are kept per run day).
/// Days the customer was not scored (before its first purchase, or a day with no run) are left out.
/// </summary>
public sealed class ScoreHistoryQueries(IScoreStore scores, IMetricsStore metrics, CustomerMerger merger)
{
    /// <summary>Days a history covers by default, ending on the latest run.</summary>
    public const int DefaultDays = 90;

    /// <summary>Oldest first; empty before the first run.</summary>
    public async Task<IReadOnlyList<CustomerScore>> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        if (await metrics.LatestAsync(cancellationToken) is not { } latest)
        {
            return [];
        }

        var id = await merger.FollowAsync(customerId, cancellationToken);
        var runs = await metrics.ListAsync(latest.Date.AddDays(-DefaultDays), latest.Date, cancellationToken);
        var found = await Task.WhenAll(runs.Select(r => scores.GetAsync(r.Date, id, cancellationToken)));
        return [.. found.OfType<CustomerScore>().OrderBy(s => s.AsOf)];
    }
}
