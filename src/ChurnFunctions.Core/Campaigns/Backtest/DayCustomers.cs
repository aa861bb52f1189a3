using System.Globalization;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Campaigns.Backtest;

/// <summary>
/// A transaction file's customers as the app would have held them on a past day: the aggregate record with the
/// purchases up to that day, and the nightly run's scores as of that day. Customers are the history's indexes.
/// </summary>
internal sealed class DayCustomers
{
    private static readonly CategoryFindings NoCategories = CategoryFindings.Skipped(CategoryFindings.NoCategoriesReason);

    private readonly PurchaseHistory history;
    private readonly CampaignBacktestSettings settings;
    private readonly IPurchaseModel model;
    private readonly GammaGammaModel? spend;
    private readonly bool withClv;
    private readonly ScoringOptions scoring;
    private readonly CustomerRecord[] records;

    // Record versions by purchase count: a customer's aggregate changes only on its purchase days.
    private readonly CustomerRecord?[][] versions;

    public DayCustomers(PurchaseHistory history, CampaignBacktestSettings settings, IPurchaseModel model, GammaGammaModel? spend, bool withClv)
    {
        this.history = history;
        this.settings = settings;
        this.model = model;
        this.spend = spend;
        this.withClv = withClv;
        scoring = new ScoringOptions { PurchaseHorizonWeeks = settings.HorizonDays / 7.0 };
        records = new CustomerRecord[history.CustomerCount];
        versions = new CustomerRecord?[history.CustomerCount][];
        for (var c = 0; c < records.Length; c++)
        {
            records[c] = new CustomerRecord { Id = history.CustomerIds[c].ToString(CultureInfo.InvariantCulture) };
            versions[c] = new CustomerRecord?[history.DaysOf(c).Length];
        }
    }

    /// <summary>The customer's record with its purchases up to <paramref name="asOfDay"/>; null before its first.</summary>
    public CustomerRecord? RecordAsOf(int customer, int asOfDay)
    {
        var count = PurchasesUpTo(customer, asOfDay);
        if (count == 0)
        {
            return null;
        }

        return versions[customer][count - 1] ??= Build(customer, count);
    }

    /// <summary>The scores the nightly run would have written as of <paramref name="asOfDay"/>, by customer; null for those not yet buying.</summary>
    public CustomerScore?[] Scores(int asOfDay)
    {
        var day = DateOnly.FromDayNumber(asOfDay);
        var truncated = Truncate(asOfDay);
        var summary = CustomerSummaryBuilder.FromHistory(truncated, day);
        var currencies = ScoreBuilder.Currencies(records, summary);
        var scored = CustomerScorer.Score(summary, model, null, scoring);
        var spendModels = spend is null ? new Dictionary<string, GammaGammaModel>() : new Dictionary<string, GammaGammaModel> { [ScoreBuilder.NoCurrency] = spend };
        var value = ScoreBuilder.SpendAndClv(summary, model, spendModels, currencies, scoring, withClv);
        var scores = ScoreBuilder.Score(records, truncated, summary, scored, value, currencies, NoCategories, day, settings.HorizonDays, settings.Rules);
        var byCustomer = new CustomerScore?[history.CustomerCount];
        for (var i = 0; i < scores.Count; i++)
        {
            byCustomer[summary.CustomerIds[i]] = scores[i];
        }

        return byCustomer;
    }

    /// <summary>
    /// The model's expected spend over the scoring horizon as of <paramref name="asOfDay"/>: expected purchases
    /// (P(alive) included) times the spend model's expected spend per purchase; 0 without a spend model.
    /// </summary>
    public double RevenueAtStake(int customer, int asOfDay, CustomerScore? score)
    {
        if (score is { ExpectedPurchases: { } purchases, ExpectedSpendPerPurchase: { } perPurchase })
        {
            return purchases * perPurchase;
        }

        var days = history.DaysOf(customer)[..PurchasesUpTo(customer, asOfDay)];
        var amounts = history.AmountsOf(customer)[..days.Length];
        var x = days.Length - 1;
        double repeatSpend = 0;
        for (var i = 1; i < amounts.Length; i++)
        {
            repeatSpend += amounts[i];
        }

        if (spend is null)
        {
            return 0;
        }

        var expected = model.ExpectedPurchases(scoring.PurchaseHorizonWeeks, x, (days[^1] - days[0]) / CustomerSummary.DaysPerUnit, (asOfDay - days[0]) / CustomerSummary.DaysPerUnit);
        var value = expected * spend.ExpectedSpend(x, x > 0 ? repeatSpend / x : 0);
        return double.IsFinite(value) ? value : 0;
    }

    /// <summary>Whether the customer bought on a day in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool BoughtBetween(int customer, int from, int to)
    {
        foreach (var day in history.DaysOf(customer))
        {
            if (day >= from && day <= to)
            {
                return true;
            }
        }

        return false;
    }

    private int PurchasesUpTo(int customer, int asOfDay)
    {
        var days = history.DaysOf(customer);
        var at = days.BinarySearch(asOfDay);
        return at >= 0 ? at + 1 : ~at;
    }

    private CustomerRecord Build(int customer, int count)
    {
        var days = history.DaysOf(customer)[..count];
        var amounts = history.AmountsOf(customer)[..count];
        var purchaseDays = new DateOnly[count];
        var daySpend = new decimal[count];
        for (var i = 0; i < count; i++)
        {
            purchaseDays[i] = DateOnly.FromDayNumber(days[i]);
            daySpend[i] = (decimal)amounts[i];
        }

        var first = new DateTimeOffset(purchaseDays[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var total = daySpend.Sum();
        return records[customer] with
        {
            // The file says nothing of consent: granted on every channel, so requiredConsent filters nobody.
            Consents = [new ConsentRecord(MessageChannel.Email, true, "backtest", first), new ConsentRecord(MessageChannel.Sms, true, "backtest", first)],
            FirstPurchaseAt = first,
            LastPurchaseAt = new DateTimeOffset(purchaseDays[^1].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            PurchaseDays = purchaseDays,
            PurchaseDaySpend = daySpend,
            FirstDaySpend = daySpend[0],
            OrderCount = count,
            GrossSpend = total,
            NetSpend = total,
        };
    }

    // The history up to asOfDay, customers keeping their indexes as ids (ScoreBuilder reads records by them).
    private PurchaseHistory Truncate(int asOfDay)
    {
        var ids = new List<long>(history.CustomerCount);
        var offsets = new List<int>(history.CustomerCount + 1) { 0 };
        var days = new List<int>(history.PurchaseDayCount);
        var amounts = new List<double>(history.PurchaseDayCount);
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var count = PurchasesUpTo(c, asOfDay);
            if (count == 0)
            {
                continue;
            }

            ids.Add(c);
            days.AddRange(history.DaysOf(c)[..count]);
            amounts.AddRange(history.AmountsOf(c)[..count]);
            offsets.Add(days.Count);
        }

        return new PurchaseHistory([.. ids], [.. offsets], [.. days], [.. amounts], history.HasAmounts);
    }
}
