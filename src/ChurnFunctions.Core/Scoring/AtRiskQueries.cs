using ChurnFunctions.Analytics.Business;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// The latest run's customers ranked by value at stake, CLV x (1 - P(alive)): the most a store can still lose on
/// each. A customer whose stake rounds to nothing (certainly alive, or worth nothing) is not at risk and not listed.
/// </summary>
public sealed class AtRiskQueries(IScoreStore scores, IMetricsStore metrics, IOptions<PartialChurnOptions> partialChurn)
{
    public const int MaxLimit = 500;

    /// <summary>The page at <paramref name="offset"/>, or null before the first run.</summary>
    public async Task<AtRiskPage?> GetAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (await metrics.LatestAsync(cancellationToken) is not { } latest)
        {
            return null;
        }

        var all = await scores.ListAsync(latest.Date, cancellationToken).ToListAsync(cancellationToken);
        var ranked = all
            .Where(s => s is { Clv: not null, ProbabilityAlive: not null })
            .Select(s => (Score: s, Stake: Math.Max(0, s.Clv!.Value) * (1 - s.ProbabilityAlive!.Value)))
            .Where(x => x.Stake >= 0.005)
            .OrderByDescending(x => x.Stake)
            .ThenBy(x => x.Score.CustomerId, StringComparer.Ordinal)
            .ToList();
        var unranked = all.Count(s => s is not { Clv: not null, ProbabilityAlive: not null });
        var window = partialChurn.Value.TrailingDays;
        var page = ranked
            .Skip(offset)
            .Take(limit)
            .Select((x, i) => new AtRiskCustomer(
                offset + i + 1,
                x.Score.CustomerId,
                Math.Round(x.Stake, 2),
                Math.Round(x.Score.Clv!.Value, 2),
                x.Score.ProbabilityAlive!.Value,
                x.Score.Segment,
                x.Score.ValueTier,
                x.Score.ChurnStatus,
                x.Score.DaysSinceLastPurchase,
                x.Score.PurchaseGapDays,
                x.Score.SpendDrop,
                AtRiskReason.Describe(x.Score, window)))
            .ToList();
        return new AtRiskPage(latest.Date, ranked.Count, unranked, offset, limit, page);
    }
}
