using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Customers;

namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// Reads what the nightly runs wrote, for the API, through the latest-run pointer: a run is visible once published,
/// and a date range given without its end ends on the latest run, so a store scored as of an old day still answers.
/// </summary>
public sealed class ScoreQueries(IScoreStore scores, IMetricsStore metrics, IAlertStore alerts, CustomerMerger merger, TimeProvider time)
{
    /// <summary>Days a range covers when only its end (or nothing) is given.</summary>
    public const int DefaultDays = 30;

    /// <summary>The customer's score from the latest run, or null when it was never scored.</summary>
    public async Task<CustomerScore?> GetScoreAsync(string customerId, CancellationToken cancellationToken)
    {
        var id = await merger.FollowAsync(customerId, cancellationToken);
        return await LatestAsync(cancellationToken) is { } latest ? await scores.GetAsync(latest.Date, id, cancellationToken) : null;
    }

    /// <summary>Snapshots in [from, to]; without <paramref name="to"/> the range ends on the latest run. Unpublished days stay hidden.</summary>
    public async Task<IReadOnlyList<MetricsSnapshot>> GetMetricsAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        var (start, end) = Range(from, to, latest);
        return [.. (await metrics.ListAsync(start, end, cancellationToken)).Where(s => latest is not null && s.Date <= latest.Date)];
    }

    /// <summary>The latest snapshot: its segment, tier and value-tier counts are the segment report.</summary>
    public Task<MetricsSnapshot?> LatestAsync(CancellationToken cancellationToken) => metrics.LatestAsync(cancellationToken);

    /// <summary>Alerts raised in [from, to]; without <paramref name="to"/> the range ends on the latest run.</summary>
    public async Task<IReadOnlyList<Alert>> GetAlertsAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var (start, end) = Range(from, to, await LatestAsync(cancellationToken));
        return await alerts.ListAsync(start, end, cancellationToken);
    }

    private (DateOnly From, DateOnly To) Range(DateOnly? from, DateOnly? to, MetricsSnapshot? latest)
    {
        var end = to ?? latest?.Date ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return (from ?? end.AddDays(-DefaultDays), end);
    }
}
