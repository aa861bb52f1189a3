using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// What became of a send action: its <see cref="Result"/> (from the provider now, or from the ledger on a replay),
/// or, when another runner holds the pending entry, the end of its lease (<see cref="BusyUntil"/>).
/// </summary>
public sealed record SendOutcome(SendResult? Result, DateTimeOffset? BusyUntil, bool FromLedger)
{
    public static SendOutcome Busy(DateTimeOffset until) => new(null, until, false);
}
