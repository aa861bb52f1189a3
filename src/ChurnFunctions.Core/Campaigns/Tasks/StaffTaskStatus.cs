namespace ChurnFunctions.Core.Campaigns.Tasks;

public enum StaffTaskStatus
{
    /// <summary>To do: not yet called, or called and not reached.</summary>
    Open,

    /// <summary>Reached, won back or do-not-call: nothing more to do.</summary>
    Closed,
}
