namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Waits up to <see cref="Window"/> for <see cref="Condition"/>: runs <see cref="Then"/> as soon as it holds,
/// <see cref="Else"/> when the window closes. Either list may be empty; afterwards the steps after the branch run.
/// The window opens at this instance's last completed send (the message the customer reacts to) or, with none, when
/// the branch is reached, and closes <see cref="Window"/> after the branch is reached. Nested lists rather than goto
/// ids: no cycles, so every step runs at most once per instance.
/// </summary>
public sealed record BranchStep : CampaignStep
{
    public required BranchCondition Condition { get; init; }

    public required TimeSpan Window { get; init; }

    public IReadOnlyList<CampaignStep> Then { get; init; } = [];

    public IReadOnlyList<CampaignStep> Else { get; init; } = [];
}
