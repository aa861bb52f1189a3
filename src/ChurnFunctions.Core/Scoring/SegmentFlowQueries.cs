namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// Segment flows between two published runs: by default the latest run and the one before it. A customer scored in
/// only one of the two runs flows from or to "none" (new since, or merged or erased since).
/// </summary>
public sealed class SegmentFlowQueries(IScoreStore scores, IMetricsStore metrics)
{
    public const string None = "none";

    /// <summary>The flows, or null when there are not two runs to compare (or a day given had no run).</summary>
    public async Task<SegmentFlows?> GetAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (await metrics.LatestAsync(cancellationToken) is not { } latest)
        {
            return null;
        }

        var end = to ?? latest.Date;
        var runs = await metrics.ListAsync(DateOnly.MinValue, end, cancellationToken);
        var start = from ?? runs.Where(r => r.Date < end).Select(r => (DateOnly?)r.Date).LastOrDefault();
        if (start is not { } first || end > latest.Date || !runs.Any(r => r.Date == end) || !runs.Any(r => r.Date == first))
        {
            return null;
        }

        var before = (await scores.ListAsync(first, cancellationToken).ToListAsync(cancellationToken)).ToDictionary(s => s.CustomerId, s => s.Segment, StringComparer.Ordinal);
        var after = (await scores.ListAsync(end, cancellationToken).ToListAsync(cancellationToken)).ToDictionary(s => s.CustomerId, s => s.Segment, StringComparer.Ordinal);
        var flows = before.Keys.Union(after.Keys)
            .GroupBy(id => (From: before.GetValueOrDefault(id, None), To: after.GetValueOrDefault(id, None)))
            .Select(g => new SegmentFlow(g.Key.From, g.Key.To, g.Count()))
            .OrderByDescending(f => f.Customers)
            .ThenBy(f => f.From, StringComparer.Ordinal)
            .ThenBy(f => f.To, StringComparer.Ordinal)
            .ToList();
        return new SegmentFlows(first, end, flows);
    }
}
