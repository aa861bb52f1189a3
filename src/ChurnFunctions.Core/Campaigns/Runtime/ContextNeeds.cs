namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// Which parts of the customer context a definition can consult, so the runner reads no row the decider would ignore:
/// suppression per channel only for a campaign that sends on it, do-not-call only with a staff-task step, the score
/// only for an audience filtered on segment or value tier.
/// </summary>
internal sealed record ContextNeeds(bool EmailSuppression, bool SmsSuppression, bool DoNotCall, bool Score)
{
    public static ContextNeeds Of(CampaignDefinition definition)
    {
        var steps = Flatten(definition.Steps).ToList();
        return new ContextNeeds(
            EmailSuppression: steps.Any(s => s is SendEmailStep),
            SmsSuppression: steps.Any(s => s is SendSmsStep),
            DoNotCall: steps.Any(s => s is CreateStaffTaskStep),
            Score: definition.Audience.Segments.Count > 0 || definition.Audience.ValueTiers.Count > 0);
    }

    private static IEnumerable<CampaignStep> Flatten(IEnumerable<CampaignStep> steps) =>
        steps.SelectMany(s => s is BranchStep branch ? Flatten(branch.Then).Concat(Flatten(branch.Else)).Prepend(s) : [s]);
}
