using System.Globalization;
using System.Text.Json.Nodes;
using ChurnFunctions.Analytics.Backtest;
using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Backtest;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Tests.Campaigns.Docs;

namespace ChurnFunctions.Core.Tests.Campaigns.Backtest;

/// <summary>
/// The win-back example of docs/campaigns.md replayed on CDNOW's holdout (calibration to 1997-09-30), checked against
/// counts made from the raw file without the reader, the scorer or the trigger evaluator.
/// </summary>
public sealed class CampaignBacktesterCdnowTests
{
    private static readonly DateOnly CalibrationEnd = new(1997, 9, 30);
    private static readonly DateOnly ObservationEnd = new(1998, 6, 30);
    private static readonly CampaignBacktestSettings Settings = new("mbgnbd", 90, new ScoreRules(new ChurnOptions(), new PartialChurnOptions(), new ValueTierOptions()));

    private static readonly Lazy<(PurchaseHistory History, CustomerSummary Calibration, IPurchaseModel Model)> Fitted = new(() =>
    {
        var history = TransactionFileReader.Read(CdnowFile.Path, TransactionFileFormat.Cdnow);
        var calibration = CustomerSummaryBuilder.FromHistory(history, CalibrationEnd, ObservationEnd);
        return (history, calibration, ModifiedBgNbdFitter.Fit(calibration));
    });

    // Purchase days per customer straight from the text: "id yyyyMMdd count amount".
    private static readonly Lazy<Dictionary<string, int[]>> RawDays = new(() => File.ReadLines(CdnowFile.Path)
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(f => f.Length == 4 && f[1].All(char.IsDigit))
        .Select(f => (Customer: long.Parse(f[0], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), Day: DateOnly.ParseExact(f[1], "yyyyMMdd", CultureInfo.InvariantCulture).DayNumber))
        .Distinct()
        .GroupBy(p => p.Customer)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Day).Order().ToArray()));

    // Replays are kept: the recurring 60-day one serves three tests.
    private static readonly Dictionary<bool, Lazy<CampaignBacktest>> SixtyDaysAfterPurchase = new()
    {
        [true] = new(() => Replay(WinBack(new JsonObject { ["type"] = "daysAfterPurchase", ["days"] = 60 }, recurring: true), ObservationEnd)),
        [false] = new(() => Replay(WinBack(new JsonObject { ["type"] = "daysAfterPurchase", ["days"] = 60 }, recurring: false), ObservationEnd)),
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Days_after_purchase_entries_equal_a_count_from_the_raw_file(bool recurring)
    {
        const int Days = 60;
        int first = CalibrationEnd.DayNumber + 1, last = ObservationEnd.DayNumber;

        var result = SixtyDaysAfterPurchase[recurring].Value;

        // Purchase day p enters the customer on p + 60 when that day is in the holdout and nothing was bought after p
        // before it; without recurrence only the first such day counts.
        var expected = new List<(string Customer, int Day, string RunKey)>();
        foreach (var (customer, days) in RawDays.Value)
        {
            foreach (var p in days)
            {
                var day = p + Days;
                if (day >= first && day <= last && !days.Any(q => q > p && q < day))
                {
                    expected.Add((customer, day, "p" + DateOnly.FromDayNumber(p).ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
                    if (!recurring)
                    {
                        break;
                    }
                }
            }
        }

        Assert.True(expected.Count > 1000, $"only {expected.Count} expected entries: the check would prove little");
        Assert.Equal(
            expected.Select(e => $"{e.Customer} {DateOnly.FromDayNumber(e.Day):yyyy-MM-dd} {(recurring ? e.RunKey : "-")}").Order(StringComparer.Ordinal),
            result.Contacts.Select(c => $"{c.CustomerId} {c.Entered:yyyy-MM-dd} {c.RunKey ?? "-"}").Order(StringComparer.Ordinal));
        Assert.Equal(result.Contacts.Count, result.Contacts.Select(c => (c.CustomerId, c.RunKey)).Distinct().Count());
        Assert.Equal(recurring, result.Recurring);
        Assert.Equal(result.Entries, result.Weeks.Sum(w => w.Entered));
        Assert.Equal(result.Contacts.Count(c => c.Holdout), result.Weeks.Sum(w => w.Holdout));
        Assert.All(result.Contacts, c => Assert.StartsWith("last purchase ", c.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void What_entrants_did_after_entry_equals_their_purchases_in_the_raw_file_and_the_holdout_is_near_its_percent()
    {
        var result = SixtyDaysAfterPurchase[true].Value;

        // The docs' win-back: coupon, email, a 5-day click branch, a 7-day wait; plus the 14-day attribution window.
        Assert.Equal(26, result.WindowDays);
        var outcome = result.Contacts
            .Where(c => c.Entered.DayNumber + result.WindowDays - 1 <= ObservationEnd.DayNumber)
            .Select(c => (c.Holdout, Bought: RawDays.Value[c.CustomerId].Any(d => d >= c.Entered.DayNumber && d < c.Entered.DayNumber + result.WindowDays)))
            .ToList();
        Assert.Equal(new CampaignOutcome(outcome.Count(o => !o.Holdout), outcome.Count(o => !o.Holdout && o.Bought)), result.Treatment);
        Assert.Equal(new CampaignOutcome(outcome.Count(o => o.Holdout), outcome.Count(o => o.Holdout && o.Bought)), result.Holdout);
        Assert.All(result.Contacts.Where(c => c.Entered.DayNumber + result.WindowDays - 1 > ObservationEnd.DayNumber), c => Assert.Null(c.BoughtWithinWindow));

        // The holdout is drawn per customer: 20% of the customers entered, within four standard errors.
        var customers = result.Contacts.GroupBy(c => c.CustomerId).Select(g => g.First().Holdout).ToList();
        var share = customers.Count(h => h) / (double)customers.Count;
        Assert.InRange(share, 0.2 - 4 * Math.Sqrt(0.2 * 0.8 / customers.Count), 0.2 + 4 * Math.Sqrt(0.2 * 0.8 / customers.Count));
        Assert.All(result.Contacts, c => Assert.Equal(HoldoutAssignment.IsHoldout(c.CustomerId, "win-back", 20), c.Holdout));
        Assert.All(result.Contacts, c => Assert.True(c.RevenueAtStake >= 0));
        Assert.True(result.RevenueAtStake > 0);
    }

    [Fact]
    public void The_docs_win_back_enters_each_customer_once_the_day_after_the_score_moved_into_at_risk()
    {
        var definition = Definition(CampaignDocs.Examples[0]);
        var end = CalibrationEnd.AddDays(42);

        var result = Replay(definition, end);

        Assert.Equal("win-back", result.CampaignId);
        Assert.False(result.Recurring);
        Assert.True(result.Entries > 50, $"only {result.Entries} entries");
        Assert.Equal(result.Entries, result.Customers);
        Assert.All(result.Contacts, c =>
        {
            Assert.Null(c.RunKey);
            Assert.InRange(c.Entered, CalibrationEnd.AddDays(1), end);
            Assert.Matches("^entered the at-risk segment \\(was [a-z-]+ the day before\\)$", c.Reason);
            Assert.DoesNotContain("was at-risk", c.Reason, StringComparison.Ordinal);
        });
        Assert.Equal(result.Entries, result.Weeks.Sum(w => w.Entered));
        Assert.Equal(result.RevenueAtStake, result.Weeks.Sum(w => w.RevenueAtStake), 1e-6 * result.RevenueAtStake);
    }

    [Fact]
    public void Html_and_json_carry_the_campaign_with_its_weeks_and_outcome()
    {
        var campaign = SixtyDaysAfterPurchase[true].Value;
        var report = new BacktestReport("CDNOW_master.txt", CalibrationEnd, ObservationEnd, 0, 39, 0, 0.3, [], campaign);

        var html = BacktestDocuments.ToHtml(report);
        var back = BacktestDocuments.FromJson(BacktestDocuments.ToJson(report)).Campaign!;

        Assert.Equal(campaign.Entries, back.Contacts.Count);
        Assert.Equal(campaign.Treatment, back.Treatment);
        Assert.Equal(campaign.Weeks, back.Weeks);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains(campaign.Entries.ToString("N0", CultureInfo.InvariantCulture) + " entries", html, StringComparison.Ordinal);
        Assert.Contains(campaign.Contacts.OrderByDescending(c => c.RevenueAtStake).First().Reason, html, StringComparison.Ordinal);
    }

    private static CampaignBacktest Replay(CampaignDefinition definition, DateOnly observationEnd)
    {
        var (history, calibration, model) = Fitted.Value;
        if (observationEnd != ObservationEnd)
        {
            calibration = CustomerSummaryBuilder.FromHistory(history, CalibrationEnd, observationEnd);
        }

        return CampaignBacktester.Run(definition, Settings, history, calibration, [model]);
    }

    private static CampaignDefinition WinBack(JsonObject trigger, bool recurring)
    {
        var json = JsonNode.Parse(CampaignDocs.Examples[0])!.AsObject();
        json["trigger"] = trigger;
        json["recurring"] = recurring;
        return Definition(json.ToJsonString());
    }

    private static CampaignDefinition Definition(string json)
    {
        var definition = CampaignDefinitionFile.Read(json, out var errors);
        Assert.Null(errors);
        return definition!;
    }
}
