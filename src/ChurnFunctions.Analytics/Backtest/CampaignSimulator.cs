using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;

namespace ChurnFunctions.Analytics.Backtest;

/// <summary>
/// Replays a <see cref="CampaignRule"/> over the holdout with a model fitted on the calibration period: on each check
/// day a customer is summarised from their purchases up to that day only, so the rule sees what it would have seen.
/// </summary>
public static class CampaignSimulator
{
    public static CampaignBacktest Run(
        CampaignRule rule, IPurchaseModel model, PurchaseHistory history, CustomerSummary summary, DateOnly calibrationEnd, DateOnly observationEnd)
    {
        int calEnd = calibrationEnd.DayNumber, obsEnd = observationEnd.DayNumber;
        var checks = new List<int>();
        for (var d = calEnd + rule.CheckEveryDays; d <= obsEnd; d += rule.CheckEveryDays) checks.Add(d);
        var contacts = new List<CampaignContact>();
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var days = history.DaysOf(c);
            if (days.Length == 0 || days[0] > calEnd) continue;
            var amounts = history.AmountsOf(c);
            var upTo = 0;
            double spend = 0;
            foreach (var check in checks)
            {
                while (upTo < days.Length && days[upTo] <= check)
                {
                    spend += amounts[upTo];
                    upTo++;
                }

                var x = upTo - 1;
                if (x < rule.MinRepeatPurchases) continue;
                double tx = (days[upTo - 1] - days[0]) / CustomerSummary.DaysPerUnit, t = (check - days[0]) / CustomerSummary.DaysPerUnit;
                var alive = model.ProbabilityAlive(x, tx, t);
                if (alive >= rule.AliveBelow) continue;
                var atStake = spend / upTo * model.ExpectedPurchasesIfAlive(rule.ValueHorizonWeeks, x, t);
                var boughtAfter = upTo < days.Length && days[upTo] <= obsEnd;
                contacts.Add(new CampaignContact(history.CustomerIds[c], DateOnly.FromDayNumber(check), alive, x, atStake, boughtAfter));
                break;
            }
        }

        var weeks = checks.Select(d => DateOnly.FromDayNumber(d))
            .Select(day => new CampaignWeek(day, contacts.Count(k => k.Day == day), contacts.Where(k => k.Day == day).Sum(k => k.RevenueAtStake)))
            .ToList();
        return new CampaignBacktest(rule, model.Name, contacts.Count, contacts.Sum(k => k.RevenueAtStake), contacts.Count(k => k.BoughtAfter), weeks,
            [.. contacts.OrderBy(k => k.Day).ThenByDescending(k => k.RevenueAtStake)]);
    }
}
