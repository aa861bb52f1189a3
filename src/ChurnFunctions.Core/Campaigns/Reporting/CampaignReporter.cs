namespace ChurnFunctions.Core.Campaigns.Reporting;

/// <summary>Builds a <see cref="CampaignReport"/> from the instances the runtime stored (one pass, nothing cached).</summary>
public sealed class CampaignReporter(ICampaignInstanceReader instances, TimeProvider time)
{
    public async Task<CampaignReport> BuildAsync(CampaignDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var all = new List<CampaignInstanceState>();
        await foreach (var state in instances.ListAsync(definition.Id, cancellationToken))
        {
            all.Add(state);
        }

        return Build(definition, all, time.GetUtcNow());
    }

    /// <summary>
    /// Pure: the report of <paramref name="states"/>. Instances that never entered do not count: not started, or
    /// completed at start as not eligible or campaign disabled (the decider stamps EnteredAt on those too).
    /// </summary>
    public static CampaignReport Build(CampaignDefinition definition, IReadOnlyList<CampaignInstanceState> states, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(states);
        var entered = states.Where(s => s.EnteredAt is not null
            && s.CompletionReason is not (CompletionReason.NotEligible or CompletionReason.CampaignDisabled)).ToList();
        var treatment = Group(entered.Where(s => !s.IsHoldout).ToList());
        var holdout = Group(entered.Where(s => s.IsHoldout).ToList());
        var uplift = UpliftCalculator.Calculate(
            new GroupOutcome(treatment.Entered, treatment.Converted, treatment.Revenue),
            new GroupOutcome(holdout.Entered, holdout.Converted, holdout.Revenue));
        var treated = entered.Where(s => !s.IsHoldout).ToList();
        var steps = Flatten(definition.Steps).Select(step => Step(step.Id, StepType(step), treated)).ToList();
        return new CampaignReport(
            definition.Id,
            definition.Name,
            now,
            entered.Count(s => s.Phase != CampaignPhase.Completed),
            treatment,
            holdout,
            uplift,
            steps,
            Calls(definition, treated, holdout));
    }

    private static CallReport? Calls(CampaignDefinition definition, List<CampaignInstanceState> treated, GroupReport holdout)
    {
        var taskSteps = Flatten(definition.Steps).OfType<CreateStaffTaskStep>().Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (taskSteps.Count == 0)
        {
            return null;
        }

        var called = Group(treated.Where(s => s.Log.Any(l => l.Outcome == StepOutcome.TaskCreated && taskSteps.Contains(l.StepId))).ToList());
        var skipped = treated.Sum(s => s.Log.Count(l => l.Outcome == StepOutcome.Skipped && taskSteps.Contains(l.StepId)));
        var uplift = UpliftCalculator.Calculate(
            new GroupOutcome(called.Entered, called.Converted, called.Revenue),
            new GroupOutcome(holdout.Entered, holdout.Converted, holdout.Revenue));
        return new CallReport(called, skipped, uplift);
    }

    private static GroupReport Group(List<CampaignInstanceState> group) => new(
        group.Count,
        group.Count(s => s.Log.Any(l => l.Outcome == StepOutcome.Sent)),
        null,
        group.Count(s => s.LastClickAt is not null),
        group.Count(s => s.Conversion is not null),
        group.Sum(s => s.Conversion?.Amount ?? 0m));

    private static StepReport Step(string stepId, string type, List<CampaignInstanceState> treated)
    {
        int reached = 0, sent = 0, skipped = 0, clicked = 0, converted = 0;
        var revenue = 0m;
        foreach (var state in treated)
        {
            var lines = state.Log.Where(l => l.StepId == stepId).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            reached++;
            var reachedAt = lines.Min(l => l.At);
            if (lines.FirstOrDefault(l => l.Outcome == StepOutcome.Sent) is { } send)
            {
                sent++;
                var nextSend = state.Log.Where(l => l.Outcome == StepOutcome.Sent && l.At > send.At).Select(l => (DateTimeOffset?)l.At).Min();
                if (state.LastClickAt is { } click && click >= send.At && (nextSend is null || click < nextSend))
                {
                    clicked++;
                }
            }

            skipped += lines.Count(l => l.Outcome == StepOutcome.Skipped);
            if (state.Conversion is { } conversion && conversion.At >= reachedAt)
            {
                converted++;
                revenue += conversion.Amount;
            }
        }

        return new StepReport(stepId, type, new GroupReport(reached, sent, null, clicked, converted, revenue), skipped);
    }

    private static IEnumerable<CampaignStep> Flatten(IEnumerable<CampaignStep> steps)
    {
        foreach (var step in steps)
        {
            yield return step;
            if (step is BranchStep branch)
            {
                foreach (var inner in Flatten(branch.Then).Concat(Flatten(branch.Else)))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string StepType(CampaignStep step) => step switch
    {
        SendEmailStep => "sendEmail",
        SendSmsStep => "sendSms",
        WaitStep => "wait",
        BranchStep => "branch",
        IssueCouponStep => "issueCoupon",
        CreateStaffTaskStep => "createStaffTask",
        _ => step.GetType().Name,
    };
}
