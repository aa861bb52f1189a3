using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Privacy;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// Stores normalised transactions exactly once: resolves each buyer, then writes a customer's transactions and its
/// updated aggregate in one atomic batch under the ETag it read. A lost race (412) is re-read and re-applied; a
/// transaction key that exists already means a redelivery and writes nothing.
/// </summary>
public sealed partial class IngestProcessor(
    ICustomerStore store,
    IIdentityIndex index,
    CustomerResolver resolver,
    CustomerMerger merger,
    ICampaignEvents campaigns,
    TimeProvider time,
    ILogger<IngestProcessor> logger,
    ErasureCheck? erasures = null,
    ITransactionLookup? lookup = null)
{
    private const int MaxAttempts = 200;

    // Sources whose refunds arrive without the buyer: their orders (Square: payments) are indexed so the refund finds
    // its customer.
    private static readonly HashSet<string> RefundsWithoutBuyer = new(StringComparer.OrdinalIgnoreCase) { SourceNames.Shopify, SourceNames.Square };

    public Task<IngestOutcome> ProcessAsync(IReadOnlyList<NormalizedTransaction> transactions, CancellationToken cancellationToken) =>
        ProcessAsync(transactions, null, cancellationToken);

    /// <param name="stored">
    /// What a bulk import read before it began: buyers resolve against its records, and a row it holds under the
    /// buyer's customer counts as a duplicate without a write.
    /// </param>
    public async Task<IngestOutcome> ProcessAsync(
        IReadOnlyList<NormalizedTransaction> transactions, StoredCustomers? stored, CancellationToken cancellationToken)
    {
        var outcome = IngestOutcome.None;
        foreach (var group in await GroupByCustomerAsync(transactions, stored, cancellationToken))
        {
            var known = group.Value.Customer;
            var items = group.Value.Items;
            if (stored is not null)
            {
                items = items.Where(i => !stored.Holds(known.Id, i.Transaction)).ToList();
                outcome = outcome.Add(new IngestOutcome(0, group.Value.Items.Count - items.Count));
            }

            foreach (var chunk in items.Chunk(ICustomerStore.MaxTransactionsPerCommit))
            {
                outcome = outcome.Add(await CommitAsync(known, chunk, cancellationToken));

                // Only the first commit may start from what resolution read: later chunks read afresh.
                known = ResolvedCustomer.Unread(known.Id);
            }
        }

        return outcome;
    }

    private async Task<Dictionary<string, (ResolvedCustomer Customer, List<NormalizedTransaction> Items)>> GroupByCustomerAsync(
        IReadOnlyList<NormalizedTransaction> transactions, StoredCustomers? stored, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<CustomerIdentity, ResolvedCustomer>();
        var groups = new Dictionary<string, (ResolvedCustomer Customer, List<NormalizedTransaction> Items)>(StringComparer.Ordinal);
        foreach (var delivered in transactions)
        {
            var item = await WithoutErasedBuyerAsync(delivered, cancellationToken);
            ResolvedCustomer customer;
            if (item.Customer is null && item.Transaction is { Kind: TransactionKind.Refund, RefundOf: { } order })
            {
                customer = ResolvedCustomer.Unread(await OrderCustomerAsync(item.Transaction.Source, order, cancellationToken));
            }
            else if (item.Customer is null)
            {
                customer = ResolvedCustomer.Unread(CustomerIds.Anonymous);
            }
            else if (!resolved.TryGetValue(item.Customer, out customer!))
            {
                customer = await resolver.ResolveWithRecordAsync(item.Customer, stored, cancellationToken);
                resolved[item.Customer] = customer;
            }

            if (!groups.TryGetValue(customer.Id, out var group))
            {
                groups[customer.Id] = group = (customer, []);
            }

            group.Items.Add(item);
        }

        return groups;
    }

    // An erased person's purchase still counts as an anonymous sale; nothing that names them is kept.
    private async Task<NormalizedTransaction> WithoutErasedBuyerAsync(NormalizedTransaction item, CancellationToken cancellationToken)
    {
        if (erasures is null || item.Customer is not { IsAnonymous: false } buyer || !await erasures.IsErasedAsync(buyer, cancellationToken))
        {
            return item;
        }

        LogErasedBuyer(logger, item.Transaction.Source, item.Transaction.ExternalId);
        return item with { Customer = null };
    }

    private async Task<IngestOutcome> CommitAsync(ResolvedCustomer customer, IReadOnlyList<NormalizedTransaction> items, CancellationToken cancellationToken)
    {
        var customerId = customer.Id;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = attempt == 1 && customer.IsKnown ? customer.Record : await store.GetAsync(customerId, cancellationToken);
            if (current?.Value.MergedInto is { } mergedInto)
            {
                customerId = mergedInto;
                continue;
            }

            var record = current?.Value ?? new CustomerRecord { Id = customerId, IsAnonymous = customerId == CustomerIds.Anonymous };
            var now = time.GetUtcNow();
            var rows = new List<StoredTransaction>(items.Count);
            foreach (var item in items)
            {
                if (item.Customer is { IsAnonymous: false } identity)
                {
                    record = CustomerAggregator.Apply(record, identity);
                }

                record = CustomerAggregator.Apply(record, item.Transaction);
                rows.Add(new StoredTransaction(customerId, item.Transaction, item.EventId, now));
            }

            switch (await store.CommitAsync(record, current?.ETag, rows, cancellationToken))
            {
                case WriteOutcome.Written:
                    // Independent writes after the commit: wait for them together, not one after the other.
                    await Task.WhenAll(IndexOrdersAsync(customerId, items, cancellationToken), NotifyCampaignsAsync(customerId, items, cancellationToken));
                    return new IngestOutcome(items.Count, 0);
                case WriteOutcome.Duplicate when items.Count == 1:
                    // Indexed again: the first delivery may have stopped between its commit and its index write.
                    await IndexOrdersAsync(customerId, items, cancellationToken);
                    LogDuplicate(logger, items[0].Transaction.Source, items[0].Transaction.ExternalId, customerId);
                    return new IngestOutcome(0, 1);
                case WriteOutcome.Duplicate when lookup is not null:
                    return await CommitUnstoredAsync(customerId, items, cancellationToken);
                case WriteOutcome.Duplicate:
                    return await CommitOneByOneAsync(customerId, items, cancellationToken);
                default:
                    await Task.Delay(Backoff(attempt), time, cancellationToken);
                    break;
            }
        }

        throw new InvalidOperationException($"Customer {customerId} kept changing under {MaxAttempts} attempts to store a transaction.");
    }

    // Some of the batch was stored before: store the rest one by one to know which.
    private async Task<IngestOutcome> CommitOneByOneAsync(string customerId, IReadOnlyList<NormalizedTransaction> items, CancellationToken cancellationToken)
    {
        var outcome = IngestOutcome.None;
        foreach (var item in items)
        {
            outcome = outcome.Add(await CommitAsync(ResolvedCustomer.Unread(customerId), [item], cancellationToken));
        }

        return outcome;
    }

    // Some of the batch was stored before (a re-imported file, a redelivered batch): one lookup says which, the
    // rest is committed afresh, and the stored ones are indexed again as a single duplicate would be.
    private async Task<IngestOutcome> CommitUnstoredAsync(string customerId, IReadOnlyList<NormalizedTransaction> items, CancellationToken cancellationToken)
    {
        var stored = await lookup!.StoredAsync(customerId, [.. items.Select(i => i.Transaction)], cancellationToken);
        var seen = items.Where((_, i) => stored[i]).ToList();
        var unseen = items.Where((_, i) => !stored[i]).ToList();
        if (seen.Count == 0)
        {
            // The conflicting row is gone again (moved by a merge meanwhile): the slow way settles it.
            return await CommitOneByOneAsync(customerId, items, cancellationToken);
        }

        await IndexOrdersAsync(customerId, seen, cancellationToken);
        LogDuplicates(logger, seen.Count, customerId);
        var outcome = new IngestOutcome(0, seen.Count);
        return unseen.Count == 0 ? outcome : outcome.Add(await CommitAsync(ResolvedCustomer.Unread(customerId), unseen, cancellationToken));
    }

    private async Task<string> OrderCustomerAsync(string source, string orderExternalId, CancellationToken cancellationToken)
    {
        if (!RefundsWithoutBuyer.Contains(source))
        {
            return CustomerIds.Anonymous;
        }

        // Unknown order: the refund may have overtaken its order, so fail and let the retry find it.
        var holder = await index.FindAsync(IdentityKeys.ForOrder(source, orderExternalId), cancellationToken)
            ?? throw new OrderNotFoundException(source, orderExternalId);
        return await merger.FollowAsync(holder, cancellationToken);
    }

    // A purchase ends waits and counts as a conversion in the customer's running campaigns.
    private async Task NotifyCampaignsAsync(string customerId, IReadOnlyList<NormalizedTransaction> items, CancellationToken cancellationToken)
    {
        if (customerId == CustomerIds.Anonymous)
        {
            return;
        }

        foreach (var t in items.Select(i => i.Transaction).Where(t => t.Kind == TransactionKind.Purchase))
        {
            await campaigns.RaiseAsync(customerId, new PurchaseObserved(t.OccurredAt, t.GrossTotal), cancellationToken);
        }
    }

    private async Task IndexOrdersAsync(string customerId, IReadOnlyList<NormalizedTransaction> items, CancellationToken cancellationToken)
    {
        foreach (var t in items.Select(i => i.Transaction).Where(t => t.Kind == TransactionKind.Purchase && RefundsWithoutBuyer.Contains(t.Source)))
        {
            await index.AssignAsync(IdentityKeys.ForOrder(t.Source, t.ExternalId), customerId, cancellationToken);
        }
    }

    // Short and jittered: contention is between handlers of the same process or a few instances.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 5));

    [LoggerMessage(Level = LogLevel.Information, Message = "Transaction {Source}/{ExternalId} of customer {CustomerId} was stored before; skipped")]
    private static partial void LogDuplicate(ILogger logger, string source, string externalId, string customerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} transactions of customer {CustomerId} were stored before; skipped")]
    private static partial void LogDuplicates(ILogger logger, int count, string customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Transaction {Source}/{ExternalId} names an erased person; stored without a customer")]
    private static partial void LogErasedBuyer(ILogger logger, string source, string externalId);
}
