namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// Which parts of the customer context the decisions of one input can consult, so the runner reads no row the decider
/// would ignore: suppression per channel only when a step that sends on it can run, do-not-call only when a staff-task
/// step can, the score only at start for an audience filtered on segment or value tier.
/// <para>The steps that can run are those from the current one (the first, at start) up to the next wait: a wait
/// reached afresh always holds the instance until a later wake-up (durations are positive), and that input reads the
/// context again. Both arms of a branch count, as do the steps after it. A current step the plan does not know (the
/// definition changed) counts the whole definition.</para>
/// </summary>
internal sealed record ContextNeeds(bool EmailSuppression, bool SmsSuppression, bool DoNotCall, bool Score)
{
    public static ContextNeeds For(CampaignDefinition definition, CampaignInstanceState state)
    {
        var atStart = state.Phase == CampaignPhase.NotStarted;
        var steps = Reachable(definition, atStart ? null : state.CurrentStepId);
        return new ContextNeeds(
            EmailSuppression: steps.Any(s => s is SendEmailStep),
            SmsSuppression: steps.Any(s => s is SendSmsStep),
            DoNotCall: steps.Any(s => s is CreateStaffTaskStep),
            Score: atStart && (definition.Audience.Segments.Count > 0 || definition.Audience.ValueTiers.Count > 0));
    }

    private static List<CampaignStep> Reachable(CampaignDefinition definition, string? currentStepId)
    {
        var plan = CampaignPlan.For(definition);
        var start = currentStepId ?? plan.FirstStepId;
        if (start is not null && plan.Find(start) is null)
        {
            return [.. All(definition.Steps)];
        }

        var reachable = new List<CampaignStep>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string?>([start]);
        while (pending.Count > 0)
        {
            if (pending.Pop() is not { } id || !seen.Add(id) || plan.Find(id) is not { } step)
            {
                continue;
            }

            reachable.Add(step);
            switch (step)
            {
                case WaitStep when id != start:
                    break;
                case BranchStep branch:
                    pending.Push(plan.Enter(branch, then: true));
                    pending.Push(plan.Enter(branch, then: false));
                    break;
                default:
                    pending.Push(plan.Next(id));
                    break;
            }
        }

        return reachable;
    }

    private static IEnumerable<CampaignStep> All(IEnumerable<CampaignStep> steps) =>
        steps.SelectMany(s => s is BranchStep branch ? All(branch.Then).Concat(All(branch.Else)).Prepend(s) : [s]);
}
