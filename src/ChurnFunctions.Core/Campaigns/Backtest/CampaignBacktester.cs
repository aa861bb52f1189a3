using ChurnFunctions.Analytics.Backtest;
using ChurnFunctions.Analytics.Data;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Core.Campaigns.Enrollment;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Campaigns.Backtest;

/// <summary>
/// Replays the daily enrollment of one campaign definition over a transaction file's holdout. On each day D after
/// calibration end the facts are what <see cref="CampaignEnrollmentJob"/> would read that morning: the customer's
/// aggregate with purchases up to D - 1, the score the nightly run wrote as of D - 1 (and D - 2 for segmentEntered),
/// built by <see cref="ScoreBuilder"/> as <see cref="ScoringJob"/> builds it but with the models fitted once on the
/// calibration period, as the backtest's models are. The job's own calls decide: <see cref="TriggerEvaluator.Matches"/>,
/// <see cref="TriggerEvaluator.InAudience"/>, <see cref="TriggerEvaluator.RunKey"/>, one entry per (customer, run key)
/// as the starter keeps it, and <see cref="HoldoutAssignment"/>.
/// </summary>
public static class CampaignBacktester
{
    public static CampaignReplay For(CampaignDefinition definition, CampaignBacktestSettings settings) =>
        (history, calibration, models) => Run(definition, settings, history, calibration, models);

    public static CampaignBacktest Run(
        CampaignDefinition definition, CampaignBacktestSettings settings, PurchaseHistory history, CustomerSummary calibration, IReadOnlyList<IPurchaseModel> models)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(settings);
        var model = models.FirstOrDefault(m => m.Name == settings.PurchaseModel) ?? models[0];
        int calEnd = calibration.CalibrationEndDay, obsEnd = calibration.ObservationEndDay ?? throw new ArgumentException("The calibration summary has no observation end.", nameof(calibration));
        var customers = new DayCustomers(history, settings, model, SpendModel(calibration), withClv: definition.Audience.ValueTiers.Count > 0);
        var needsScores = NeedsScores(definition);
        var needsPrevious = definition.Trigger is SegmentEnteredTrigger;
        var windowDays = (int)Math.Ceiling((CampaignPlan.For(definition).NominalDuration + definition.AttributionWindow).TotalDays);

        var entered = new HashSet<(int Customer, string? RunKey)>();
        var contacts = new List<CampaignContact>();
        var previous = needsPrevious ? customers.Scores(calEnd - 1) : null;
        for (var day = calEnd + 1; day <= obsEnd; day++)
        {
            // The enrollment runs in the morning of `day`, after the nightly run scored the day before.
            var asOf = day - 1;
            var scores = needsScores ? customers.Scores(asOf) : null;
            var today = DateOnly.FromDayNumber(day);
            for (var c = 0; c < history.CustomerCount; c++)
            {
                var record = customers.RecordAsOf(c, asOf);
                if (record is null)
                {
                    continue;
                }

                var facts = new EnrollmentFacts(today, record, scores?[c], previous?[c]);
                if (!TriggerEvaluator.Matches(definition.Trigger, facts) || !TriggerEvaluator.InAudience(definition.Audience, facts))
                {
                    continue;
                }

                var runKey = TriggerEvaluator.RunKey(definition, facts);
                if (!entered.Add((c, runKey)))
                {
                    continue;
                }

                var atStake = customers.RevenueAtStake(c, asOf, scores?[c]);
                contacts.Add(new CampaignContact(
                    record.Id, today, runKey, TriggerReasons.Explain(definition.Trigger, facts),
                    HoldoutAssignment.IsHoldout(record.Id, definition.Id, definition.HoldoutPercent), atStake,
                    day + windowDays - 1 <= obsEnd ? customers.BoughtBetween(c, day, day + windowDays - 1) : null));
            }

            previous = scores;
        }

        var weeks = new List<CampaignWeek>();
        for (var start = calEnd + 1; start <= obsEnd; start += 7)
        {
            var inWeek = contacts.Where(k => k.Entered.DayNumber >= start && k.Entered.DayNumber < start + 7).ToList();
            weeks.Add(new CampaignWeek(DateOnly.FromDayNumber(start), inWeek.Count, inWeek.Count(k => k.Holdout), inWeek.Sum(k => k.RevenueAtStake)));
        }

        return new CampaignBacktest(
            definition.Id, definition.Name, TriggerReasons.Rule(definition.Trigger), TriggerEvaluator.Recurs(definition), definition.HoldoutPercent,
            windowDays, model.Name, settings.HorizonDays, contacts.Count, contacts.Select(k => k.CustomerId).Distinct(StringComparer.Ordinal).Count(),
            contacts.Sum(k => k.RevenueAtStake), Outcome(contacts, holdout: false), Outcome(contacts, holdout: true), weeks, contacts,
            Assumptions(definition));
    }

    private static CampaignOutcome Outcome(List<CampaignContact> contacts, bool holdout)
    {
        var done = contacts.Where(k => k.Holdout == holdout && k.BoughtWithinWindow is not null).ToList();
        return new CampaignOutcome(done.Count, done.Count(k => k.BoughtWithinWindow == true));
    }

    // Day triggers and survey answers read the customer record alone; scoring every day is the slow part, so it is
    // skipped when neither the trigger nor the audience reads a score.
    private static bool NeedsScores(CampaignDefinition definition) =>
        definition.Trigger is not (DaysAfterPurchaseTrigger or BirthdayTrigger or FixedDateTrigger or ChurnReasonTrigger)
        || definition.Audience.Segments.Count > 0 || definition.Audience.ValueTiers.Count > 0;

    private static GammaGammaModel? SpendModel(CustomerSummary calibration) =>
        ScoringModels.FitSpend(calibration, _ => true);

    private static List<string> Assumptions(CampaignDefinition definition)
    {
        var notes = new List<string>
        {
            "Every customer is taken to have consented on every channel: a transaction file carries no consent, so requiredConsent filters nobody.",
            "Scores use the models fitted once on the calibration period; the app refits every night.",
        };
        switch (definition.Trigger)
        {
            case BirthdayTrigger:
                notes.Add("A transaction file carries no birthdays: the birthday trigger enters nobody.");
                break;
            case ChurnReasonTrigger:
                notes.Add("A transaction file carries no exit-survey answers: the churnReason trigger enters nobody.");
                break;
            case CategoryAbandonmentTrigger:
                notes.Add("Category abandonment is not replayed (it reads purchase lines): the trigger enters nobody.");
                break;
        }

        if (!definition.Enabled)
        {
            notes.Add("The definition is disabled: replayed as if it were enabled.");
        }

        return notes;
    }
}
