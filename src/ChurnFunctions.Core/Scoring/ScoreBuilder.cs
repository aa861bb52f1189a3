using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Scoring;

/// <summary>
/// From a day's purchase history and model predictions to the <see cref="CustomerScore"/>s the nightly run writes:
/// RFM, churn status, segment, value tier, partial churn. Shared by <see cref="ScoringJob"/> and the campaign
/// backtest, so that a backtest's triggers see the scores the app would have written on each day.
/// </summary>
internal static class ScoreBuilder
{
    /// <summary>ISO 4217's code for "no currency", for purchases stored without one.</summary>
    public const string NoCurrency = "XXX";

    public static string CurrencyOf(CustomerRecord record) => string.IsNullOrWhiteSpace(record.Currency) ? NoCurrency : record.Currency;

    // Purchases in different currencies are never added up: each currency's customers get their own spend model.
    public static string[] Currencies(IReadOnlyList<CustomerRecord> records, CustomerSummary summary)
    {
        var result = new string[summary.Count];
        for (var i = 0; i < summary.Count; i++)
        {
            result[i] = CurrencyOf(records[(int)summary.CustomerIds[i]]);
        }

        return result;
    }

    /// <summary>A spend model per currency that has enough repeat buyers; the others are left out.</summary>
    public static Dictionary<string, GammaGammaModel> FitSpend(CustomerSummary summary, string[] currencies)
    {
        var models = new Dictionary<string, GammaGammaModel>(StringComparer.Ordinal);
        if (!summary.HasMonetary)
        {
            return models;
        }

        foreach (var currency in currencies.Distinct(StringComparer.Ordinal))
        {
            if (ScoringModels.FitSpend(summary, i => currencies[i] == currency) is { } gg)
            {
                models[currency] = gg;
            }
        }

        return models;
    }

    /// <param name="withClv">Off, CLV stays null: the campaign backtest skips it unless an audience ranks by value tier.</param>
    public static (double?[] Spend, double?[] Clv) SpendAndClv(
        CustomerSummary summary, IPurchaseModel? model, IReadOnlyDictionary<string, GammaGammaModel> spendModels, string[] currencies, ScoringOptions options,
        bool withClv = true)
    {
        var spend = new double?[summary.Count];
        var clv = new double?[summary.Count];
        if (!summary.HasMonetary)
        {
            return (spend, clv);
        }

        for (var i = 0; i < summary.Count; i++)
        {
            if (!spendModels.TryGetValue(currencies[i], out var gg))
            {
                continue;
            }

            var x = summary.Frequency[i];
            spend[i] = Finite(gg.ExpectedSpend(x, summary.MonetaryValue[i]));
            if (withClv && model is not null && spend[i] is { } perPurchase)
            {
                clv[i] = Finite(ClvCalculator.Clv(model, perPurchase, x, summary.Recency(i), summary.Age(i), options));
            }
        }

        return (spend, clv);
    }

    /// <param name="records">The customers; summary and history ids are indexes into it.</param>
    public static List<CustomerScore> Score(
        IReadOnlyList<CustomerRecord> records, PurchaseHistory history, CustomerSummary summary, CustomerScores? scored,
        (double?[] Spend, double?[] Clv) value, string[] currencies, CategoryFindings abandoned,
        DateOnly day, int horizonDays, ScoreRules rules)
    {
        var n = summary.Count;
        var asOfDay = day.DayNumber;
        var daysSinceLast = new int[n];
        var purchaseDays = new int[n];
        var spend = new double[n];
        var historyIndex = new Dictionary<long, int>(history.CustomerIds.Length);
        for (var c = 0; c < history.CustomerIds.Length; c++)
        {
            historyIndex[history.CustomerIds[c]] = c;
        }

        for (var i = 0; i < n; i++)
        {
            var days = history.DaysOf(historyIndex[summary.CustomerIds[i]]);
            daysSinceLast[i] = asOfDay - days[^1];
            purchaseDays[i] = days.Length;
            foreach (var amount in history.AmountsOf(historyIndex[summary.CustomerIds[i]]))
            {
                spend[i] += amount;
            }
        }

        var rfm = RfmScorer.Score(daysSinceLast, purchaseDays, spend);
        var valueTiers = ValueTiers(value.Clv, currencies, rules.ValueTiers);
        var result = new List<CustomerScore>(n);
        for (var i = 0; i < n; i++)
        {
            var c = historyIndex[summary.CustomerIds[i]];
            var record = records[(int)summary.CustomerIds[i]];
            var pAlive = scored is null ? null : Finite(scored.ProbabilityAlive[i]);
            var status = ChurnRules.Classify(history.DaysOf(c), asOfDay, rules.Churn, pAlive);
            var segment = SegmentRules.Segment(rfm.Recency[i], rfm.Frequency[i], status);
            var days = history.DaysOf(c);
            var partial = PartialChurnDetector.Evaluate(days, history.AmountsOf(c), asOfDay, rules.PartialChurn);
            result.Add(new CustomerScore(
                record.Id,
                day,
                pAlive,
                scored is null ? null : Finite(scored.ExpectedPurchases[i]),
                horizonDays,
                scored is not null && scored.ExpectedNextPurchaseDay[i] > 0 ? scored.ExpectedNextPurchaseDate(i) : null,
                value.Spend[i],
                value.Clv[i],
                rfm.Recency[i],
                rfm.Frequency[i],
                rfm.Monetary[i],
                ScoreNames.Of(segment),
                ScoreNames.Of(SegmentRules.Tier(segment)),
                ScoreNames.Of(valueTiers[i]),
                ScoreNames.Of(status),
                partial.IsPartialChurn,
                abandoned.ByCustomer.GetValueOrDefault(record.Id) ?? [])
            {
                DaysSinceLastPurchase = daysSinceLast[i],
                PurchaseGapDays = days.Length > 1 ? (double)(days[^1] - days[0]) / (days.Length - 1) : null,
                SpendDrop = partial.HasBaseline ? Finite(partial.Drop) : null,
            });
        }

        return result;
    }

    // CLVs in different currencies are not comparable: each currency's customers are ranked among themselves.
    private static ValueTier[] ValueTiers(double?[] clv, string[] currencies, ValueTierOptions options)
    {
        var tiers = new ValueTier[clv.Length];
        foreach (var group in Enumerable.Range(0, clv.Length).GroupBy(i => currencies[i], StringComparer.Ordinal))
        {
            var members = group.ToArray();
            var assigned = ValueTierAssigner.Assign([.. members.Select(i => clv[i] ?? double.NaN)], options);
            for (var k = 0; k < members.Length; k++)
            {
                tiers[members[k]] = assigned[k];
            }
        }

        return tiers;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
