using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Customers;

/// <summary>
/// Merges one customer into another. Each step is idempotent and the first one marks the merged-away record, so a
/// crash at any point is finished by the next delivery that touches either customer:
/// 1. mark the merged-away record (writers still holding its old ETag now fail and re-resolve);
/// 2. copy its transactions into the survivor's partition;
/// 3. rebuild the survivor's aggregate from its whole partition, under its ETag;
/// 4. point the merged-away identity keys at the survivor; 5. delete the copied rows.
/// </summary>
public sealed class CustomerMerger(ICustomerStore store, IIdentityIndex index)
{
    private const int MaxChainLength = 16;
    private const int MaxAttempts = 100;

    /// <summary>The customer an id stands for now, following merges.</summary>
    public async Task<string> FollowAsync(string customerId, CancellationToken cancellationToken) =>
        (await FollowWithRecordAsync(customerId, cancellationToken)).Id;

    /// <summary>The customer an id stands for now, with the record read on the way (null when it has none yet).</summary>
    public async Task<ResolvedCustomer> FollowWithRecordAsync(string customerId, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxChainLength; i++)
        {
            var record = await store.GetAsync(customerId, cancellationToken);
            if (record?.Value.MergedInto is not { } next)
            {
                return new ResolvedCustomer(customerId, true, record);
            }

            customerId = next;
        }

        throw new InvalidOperationException($"Customer merge chain longer than {MaxChainLength} at {customerId}.");
    }

    public async Task MergeAsync(string fromId, string intoId, CancellationToken cancellationToken)
    {
        var from = await MarkMergedAsync(fromId, intoId, cancellationToken);
        var moved = (await store.GetTransactionsAsync(fromId, cancellationToken)).Select(t => t.Transaction).ToList();
        if (moved.Count > 0)
        {
            await store.UpsertTransactionsAsync(intoId, moved, cancellationToken);
        }

        await RebuildAsync(intoId, from, cancellationToken);

        foreach (var key in from.PlatformKeys
                     .Concat(from.Email is { } e ? [IdentityKeys.ForEmail(e)] : [])
                     .Concat(from.Phone is { } p ? [IdentityKeys.ForPhone(p)] : []))
        {
            await index.AssignAsync(key, intoId, cancellationToken);
        }

        if (moved.Count > 0)
        {
            await store.DeleteTransactionsAsync(fromId, moved, cancellationToken);
        }
    }

    private async Task<CustomerRecord> MarkMergedAsync(string fromId, string intoId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(fromId, cancellationToken);
            var record = current?.Value ?? new CustomerRecord { Id = fromId };
            if (record.MergedInto == intoId)
            {
                return record;
            }

            if (await store.SaveAsync(record with { MergedInto = intoId }, current?.ETag, cancellationToken) == WriteOutcome.Written)
            {
                return record;
            }
        }

        throw new InvalidOperationException($"Could not mark customer {fromId} as merged after {MaxAttempts} attempts.");
    }

    private async Task RebuildAsync(string intoId, CustomerRecord from, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(intoId, cancellationToken);
            var transactions = await store.GetTransactionsAsync(intoId, cancellationToken);
            var survivor = current?.Value ?? new CustomerRecord { Id = intoId };
            var rebuilt = CustomerAggregator.Rebuild(survivor, from, transactions.Select(t => t.Transaction));
            if (await store.SaveAsync(rebuilt, current?.ETag, cancellationToken) == WriteOutcome.Written)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Could not rebuild customer {intoId} after {MaxAttempts} attempts.");
    }
}
