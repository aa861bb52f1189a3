using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Customers;

/// <summary>Reads customers for the API: by id (following merges) or by contact detail.</summary>
public sealed class CustomerQueries(ICustomerStore store, IIdentityIndex index, CustomerMerger merger, IOptions<WebhookOptions> contacts)
{
    public async Task<CustomerView?> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        var id = await merger.FollowAsync(customerId, cancellationToken);
        var record = await store.GetAsync(id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var transactions = await store.GetTransactionsAsync(id, cancellationToken);
        return ToView(record.Value, transactions);
    }

    /// <summary>
    /// The customer holding the email, phone or platform id ("shopify:123", "cdnow:1"), or null; a value that is not an
    /// address or number finds nobody.
    /// </summary>
    public async Task<CustomerView?> FindAsync(string? email, string? phone, string? platformId, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> keys = ContactNormalizer.Email(email) is { } e ? [IdentityKeys.ForEmail(e)]
            : ContactNormalizer.Phone(phone, contacts.Value.PhoneRegion) is { } p ? IdentityKeys.ForPhoneLookup(p)
            : string.IsNullOrWhiteSpace(platformId) ? [] : [platformId.Trim()];
        foreach (var key in keys)
        {
            if (await index.FindAsync(key, cancellationToken) is { } id)
            {
                return await GetAsync(id, cancellationToken);
            }
        }

        return null;
    }

    private static CustomerView ToView(CustomerRecord c, IReadOnlyList<StoredTransaction> transactions) => new(
        c.Id, c.Email, c.Phone, c.FirstName, c.LastName, c.PlatformKeys, c.OrderCount, c.RefundCount, c.DistinctPurchaseDays,
        c.GrossSpend, c.NetSpend, c.Currency, c.FirstPurchaseAt, c.LastPurchaseAt, c.CategorySpend,
        [.. c.Consents.Select(k => new ConsentView(k.Channel.ToString().ToLowerInvariant(), k.Granted, k.Source, k.At))],
        [.. transactions
            .Select(s => s.Transaction)
            .OrderBy(t => t.OccurredAt)
            .Select(t => new TransactionView(
                t.Source, t.ExternalId, t.Kind.ToString().ToLowerInvariant(), t.OccurredAt, t.GrossTotal, t.Discounts, t.Currency,
                t.Channel.ToString().ToLowerInvariant(), t.Location))]);
}
