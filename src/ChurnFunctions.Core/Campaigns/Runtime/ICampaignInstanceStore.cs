using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// Instance state by instance id with ETag concurrency, plus one small partition per customer: the ids of the
/// customer's running instances and the last send per channel across campaigns.
/// </summary>
public interface ICampaignInstanceStore
{
    Task<Versioned<StoredInstance>?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Inserts; false when the instance exists (nothing is written then).</summary>
    Task<bool> TryInsertAsync(StoredInstance instance, CancellationToken cancellationToken);

    /// <summary>
    /// Every instance of <paramref name="campaignId"/> (all runs, all phases), in pages: how a bulk enrollment learns
    /// which of its matches exist without one read per customer.
    /// </summary>
    IAsyncEnumerable<InstanceHeader> ListByCampaignAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Replaces if the stored ETag is still <paramref name="etag"/>; the new ETag, or null on a conflict (412).</summary>
    Task<string?> TryReplaceAsync(StoredInstance instance, string etag, CancellationToken cancellationToken);

    /// <summary>The ids of the customer's instances that have not completed (idempotent index rows).</summary>
    Task<IReadOnlyList<string>> ListRunningAsync(string customerId, CancellationToken cancellationToken);

    Task AddRunningAsync(string customerId, string instanceId, CancellationToken cancellationToken);

    Task RemoveRunningAsync(string customerId, string instanceId, CancellationToken cancellationToken);

    Task<CustomerSendTimes> GetSendTimesAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a send on <paramref name="channel"/> at <paramref name="at"/>; an earlier time never overwrites a later
    /// one. <paramref name="known"/> is the row as last read (<see cref="GetSendTimesAsync"/> or a previous record), if
    /// any: the write is conditional on it, and read again only when it changed since. Returns the times now stored.
    /// </summary>
    Task<CustomerSendTimes> RecordSendAsync(
        string customerId, MessageChannel channel, DateTimeOffset at, CustomerSendTimes? known, CancellationToken cancellationToken);
}
