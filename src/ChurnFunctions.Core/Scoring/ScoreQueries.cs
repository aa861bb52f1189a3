using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Customers;

namespace ChurnFunctions.Core.Scoring;

/// <summary>Reads what the nightly runs wrote, for the API.</summary>
public sealed class ScoreQueries(IScoreStore scores, IMetricsStore metrics, IAlertStore alerts, CustomerMerger merger)
{
    /// <summary>The customer's score from the latest run, or null when it was never scored.</summary>
    public async Task<CustomerScore?> GetScoreAsync(string customerId, CancellationToken cancellationToken)
    {
        var id = await merger.FollowAsync(customerId, cancellationToken);
        return await LatestAsync(cancellationToken) is { } latest ? await scores.GetAsync(latest.Date, id, cancellationToken) : null;
    }

    public Task<IReadOnlyList<MetricsSnapshot>> GetMetricsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        metrics.ListAsync(from, to, cancellationToken);

    /// <summary>The latest snapshot: its segment, tier and value-tier counts are the segment report.</summary>
    public Task<MetricsSnapshot?> LatestAsync(CancellationToken cancellationToken) => metrics.LatestAsync(cancellationToken);

    public Task<IReadOnlyList<Alert>> GetAlertsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        alerts.ListAsync(from, to, cancellationToken);
}
