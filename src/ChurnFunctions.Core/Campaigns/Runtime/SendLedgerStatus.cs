namespace ChurnFunctions.Core.Campaigns.Runtime;

public enum SendLedgerStatus
{
    /// <summary>Written before the provider call: the message may or may not have left.</summary>
    Pending,

    /// <summary>The provider accepted it; the entry holds the provider's id.</summary>
    Sent,

    /// <summary>The attempt ended without a send (transient, rejected, opted out, invalid recipient).</summary>
    Failed,
}
