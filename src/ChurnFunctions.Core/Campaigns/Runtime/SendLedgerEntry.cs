using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// One send of one (instance, step): <see cref="SendId"/> = instance id + ":" + step id. <see cref="Attempt"/> is the
/// pending send's failure count when it was begun (a transient failure's retry is the next attempt). A pending entry
/// belongs to its writer until <see cref="LeaseUntil"/>; an uncertain one waits for a provider event until then.
/// </summary>
public sealed record SendLedgerEntry(
    string SendId,
    MessageChannel Channel,
    SendLedgerStatus Status,
    int Attempt,
    DateTimeOffset LeaseUntil,
    SendResult? Result = null);
