using System.Runtime.CompilerServices;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Exports;

/// <summary>
/// The analyst exports (customers, scores, segments, metrics, transactions) as typed rows, read from storage a page at
/// a time so a file of 100k customers never sits in memory. Customers are the live ones (not merged away, not the
/// anonymous walk-in sale), without contact details: the exports are behind the read key, not the admin key.
/// </summary>
public sealed class AnalystExports(ICustomerStore customers, IScoreStore scores, IMetricsStore metrics)
{
    public const string Customers = "customers";
    public const string Scores = "scores";
    public const string Segments = "segments";
    public const string Metrics = "metrics";
    public const string Transactions = "transactions";

    public static readonly IReadOnlyList<string> Kinds = [Customers, Scores, Segments, Metrics, Transactions];

    /// <summary>The export named <paramref name="kind"/>, or null when there is no such export.</summary>
    public ExportTable? Open(string? kind, CancellationToken cancellationToken) => kind switch
    {
        Customers => new(kind, ExportColumns.Customers, CustomerRowsAsync(cancellationToken)),
        Scores => new(kind, ExportColumns.Scores, ScoreRowsAsync(cancellationToken)),
        Segments => new(kind, ExportColumns.Segments, SegmentRowsAsync(cancellationToken)),
        Metrics => new(kind, ExportColumns.Metrics, MetricRowsAsync(cancellationToken)),
        Transactions => new(kind, ExportColumns.Transactions, TransactionRowsAsync(cancellationToken)),
        _ => null,
    };

    private IAsyncEnumerable<CustomerRecord> LiveCustomersAsync(CancellationToken cancellationToken) =>
        customers.ListAsync(cancellationToken).Where(c => c.MergedInto is null && !c.IsAnonymous);

    private async IAsyncEnumerable<object?[]> CustomerRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var c in LiveCustomersAsync(cancellationToken))
        {
            yield return
            [
                c.Id, c.FirstPurchaseAt, c.LastPurchaseAt, (long)c.OrderCount, (long)c.RefundCount, (long)c.DistinctPurchaseDays,
                c.GrossSpend, c.NetSpend, c.Currency, (long)c.OtherCurrencyTransactions,
            ];
        }
    }

    private async IAsyncEnumerable<object?[]> ScoreRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await metrics.LatestAsync(cancellationToken) is not { } latest)
        {
            yield break;
        }

        await foreach (var s in scores.ListAsync(latest.Date, cancellationToken))
        {
            yield return
            [
                s.CustomerId, s.AsOf, s.ProbabilityAlive, s.ExpectedPurchases, (long)s.ExpectedPurchasesHorizonDays, s.ExpectedNextPurchase,
                s.ExpectedSpendPerPurchase, s.Clv, (long)s.Recency, (long)s.Frequency, (long)s.Monetary,
                s.Segment, s.Tier, s.ValueTier, s.ChurnStatus, s.PartialChurn, string.Join('|', s.AbandonedCategories),
            ];
        }
    }

    private async IAsyncEnumerable<object?[]> SegmentRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var snapshot in await PublishedSnapshotsAsync(cancellationToken))
        {
            foreach (var (dimension, counts) in new[] { ("segment", snapshot.Segments), ("tier", snapshot.Tiers), ("value_tier", snapshot.ValueTiers) })
            {
                foreach (var (name, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    yield return [snapshot.Date, dimension, name, (long)count];
                }
            }
        }
    }

    private async IAsyncEnumerable<object?[]> MetricRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var m in await PublishedSnapshotsAsync(cancellationToken))
        {
            yield return
            [
                m.Date, m.ComputedAt, m.PeriodStart, m.PeriodEnd, (long)m.Customers, (long)m.ActiveAtStart, (long)m.ChurnedDuringPeriod,
                m.ChurnRate, m.RetentionRate, m.RepeatPurchaseRate, (long)m.ActiveCustomers, (long)m.NewCustomers,
                m.Revenue, m.RevenueFromReturningCustomers, (long)m.PartialChurners, m.Model, m.ModelLogLikelihood,
            ];
        }
    }

    private async IAsyncEnumerable<object?[]> TransactionRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Live ids first (merged-away and anonymous records are not customers), then one pass over every
        // transaction row, a round trip per 1,000 rows instead of a query per customer.
        var live = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var c in LiveCustomersAsync(cancellationToken))
        {
            live.Add(c.Id);
        }

        await foreach (var customer in customers.ListTransactionsAsync(cancellationToken))
        {
            if (!live.Contains(customer.CustomerId))
            {
                continue;
            }

            foreach (var stored in customer.Transactions.OrderBy(t => t.Transaction.OccurredAt))
            {
                var t = stored.Transaction;
                yield return
                [
                    customer.CustomerId, t.Source, t.ExternalId, t.Kind.ToString().ToLowerInvariant(), t.OccurredAt, t.LocalDay, t.Currency,
                    t.GrossTotal, t.Discounts, t.NetAmount, t.Channel.ToString().ToLowerInvariant(), t.Location, t.RefundOf, (long)t.Lines.Count,
                ];
            }
        }
    }

    // Every published day, oldest first: one row per day, a few thousand at most, so one read.
    private async Task<IReadOnlyList<MetricsSnapshot>> PublishedSnapshotsAsync(CancellationToken cancellationToken) =>
        await metrics.LatestAsync(cancellationToken) is { } latest
            ? await metrics.ListAsync(DateOnly.MinValue, latest.Date, cancellationToken)
            : [];
}
