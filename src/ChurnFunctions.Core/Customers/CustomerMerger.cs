using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Customers;

/// <summary>
/// Merges linked customers. The survivor is always the smaller id (ordinal): two deliveries that link the same
/// customers from opposite ends, at the same time, then agree on the survivor, so merges never form a cycle (a merged
/// record points only at a smaller id, and a mark once set is never moved). Each step is idempotent and the first one
/// marks the merged-away record, so a crash at any point is finished by the next delivery that touches either customer:
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

    /// <summary>Makes two customers one; returns the survivor's id.</summary>
    public async Task<string> MergeAsync(string firstId, string secondId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var first = await FollowAsync(firstId, cancellationToken);
            var second = await FollowAsync(secondId, cancellationToken);
            if (first == second)
            {
                return first;
            }

            var (fromId, intoId) = string.CompareOrdinal(first, second) < 0 ? (second, first) : (first, second);
            if (await MarkMergedAsync(fromId, intoId, cancellationToken) is not { } from)
            {
                // Merged elsewhere meanwhile: follow again.
                continue;
            }

            await MoveAsync(fromId, intoId, from, cancellationToken);
            return await FinishChainAsync(intoId, cancellationToken);
        }

        throw new InvalidOperationException($"Could not merge customers {firstId} and {secondId} after {MaxAttempts} attempts.");
    }

    // The survivor may itself have been merged away while rows were moved into it; the merge that marked it may have
    // read its partition before they arrived. Moving again (every step is idempotent) carries them on.
    private async Task<string> FinishChainAsync(string customerId, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxChainLength; i++)
        {
            var current = await store.GetAsync(customerId, cancellationToken);
            if (current?.Value.MergedInto is not { } next)
            {
                return customerId;
            }

            await MoveAsync(customerId, next, current.Value, cancellationToken);
            customerId = next;
        }

        throw new InvalidOperationException($"Customer merge chain longer than {MaxChainLength} at {customerId}.");
    }

    private async Task MoveAsync(string fromId, string intoId, CustomerRecord from, CancellationToken cancellationToken)
    {
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

    /// <summary>The record as it was before the mark, or null when it is already merged into another customer.</summary>
    private async Task<CustomerRecord?> MarkMergedAsync(string fromId, string intoId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(fromId, cancellationToken);
            var record = current?.Value ?? new CustomerRecord { Id = fromId };
            if (record.MergedInto == intoId)
            {
                return record;
            }

            if (record.MergedInto is not null)
            {
                return null;
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
