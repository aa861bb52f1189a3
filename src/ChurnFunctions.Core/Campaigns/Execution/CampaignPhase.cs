namespace ChurnFunctions.Core.Campaigns;

public enum CampaignPhase
{
    NotStarted,

    /// <summary>Running steps.</summary>
    Active,

    /// <summary>No more actions: waiting for a purchase until the conversion deadline (holdouts start here).</summary>
    Tracking,

    Completed,
}
