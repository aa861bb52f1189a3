namespace ChurnFunctions.Core.Campaigns.Runtime;

public enum SendLedgerStatus
{
    /// <summary>Written before the provider call: the message may or may not have left.</summary>
    Pending,

    /// <summary>The provider accepted it; the entry holds the provider's id.</summary>
    Sent,

    /// <summary>
    /// The provider may have accepted it: the request went out and its answer was lost. Not sent again before the
    /// entry's <see cref="SendLedgerEntry.LeaseUntil"/> (the reconciliation window); a provider event naming the send id
    /// turns it into <see cref="Sent"/> meanwhile.
    /// </summary>
    Uncertain,

    /// <summary>The attempt ended without a send (transient, rejected, opted out, invalid recipient).</summary>
    Failed,
}
