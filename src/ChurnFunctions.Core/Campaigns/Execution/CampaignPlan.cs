namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// A definition's step tree flattened for the decider: each step id with the step that follows it (the next in its
/// list, or the step after the enclosing branch), and the campaign's nominal duration.
/// </summary>
public sealed class CampaignPlan
{
    private readonly Dictionary<string, CampaignStep> steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> next = new(StringComparer.Ordinal);

    private CampaignPlan(CampaignDefinition definition)
    {
        FirstStepId = Add(definition.Steps, after: null);
        NominalDuration = Duration(definition.Steps);
    }

    public string? FirstStepId { get; }

    /// <summary>
    /// The longest the steps take without deferrals: waits, plus each branch's full window and its longer arm. The
    /// conversion deadline is entry + this + the attribution window for treatment and holdout alike, so both groups
    /// are watched for the same time.
    /// </summary>
    public TimeSpan NominalDuration { get; }

    /// <exception cref="ArgumentException">Step ids repeat: validate definitions first.</exception>
    public static CampaignPlan For(CampaignDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new CampaignPlan(definition);
    }

    public CampaignStep? Find(string stepId) => steps.GetValueOrDefault(stepId);

    public string? Next(string stepId) => next.GetValueOrDefault(stepId);

    /// <summary>The first step of <paramref name="branch"/>'s chosen arm, or the step after the branch if it is empty.</summary>
    public string? Enter(BranchStep branch, bool then)
    {
        var arm = then ? branch.Then : branch.Else;
        return arm.Count > 0 ? arm[0].Id : Next(branch.Id);
    }

    private string? Add(IReadOnlyList<CampaignStep> list, string? after)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var step = list[i];
            if (!steps.TryAdd(step.Id, step))
            {
                throw new ArgumentException($"Step id '{step.Id}' repeats.", nameof(list));
            }

            var following = i + 1 < list.Count ? list[i + 1].Id : after;
            next[step.Id] = following;
            if (step is BranchStep branch)
            {
                Add(branch.Then, following);
                Add(branch.Else, following);
            }
        }

        return list.Count > 0 ? list[0].Id : after;
    }

    private static TimeSpan Duration(IReadOnlyList<CampaignStep> list)
    {
        var total = TimeSpan.Zero;
        foreach (var step in list)
        {
            total += step switch
            {
                WaitStep wait => wait.Duration,
                BranchStep branch => branch.Window + TimeSpan.FromTicks(Math.Max(Duration(branch.Then).Ticks, Duration(branch.Else).Ticks)),
                _ => TimeSpan.Zero,
            };
        }

        return total;
    }
}
