namespace ChurnFunctions.Core.Campaigns;

/// <summary>Waits <see cref="Duration"/> (JSON "d.hh:mm:ss"). A purchase ends the wait when it exits the campaign.</summary>
public sealed record WaitStep : CampaignStep
{
    public required TimeSpan Duration { get; init; }
}
