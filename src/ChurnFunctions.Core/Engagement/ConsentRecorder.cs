using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Engagement;

/// <summary>
/// Finds customers by contact and records consent statements on them. Consent is latest-wins by the statement's time
/// (<see cref="CustomerAggregator"/>): an older platform flag never re-grants a later opt-out, and campaigns never
/// write consent. A statement that changes the stored consent reaches the customer's running campaigns.
/// </summary>
public sealed class ConsentRecorder(
    ICustomerStore store, IIdentityIndex index, CustomerMerger merger, ICampaignEvents campaignEvents, IOptions<WebhookOptions> contacts)
{
    private const int MaxAttempts = 8;

    public Task<string?> FindByEmailAsync(string? email, CancellationToken cancellationToken) =>
        FindAsync(ContactNormalizer.Email(email) is { } e ? IdentityKeys.ForEmail(e) : null, cancellationToken);

    public async Task<string?> FindByPhoneAsync(string? phone, CancellationToken cancellationToken)
    {
        foreach (var key in NormalizePhone(phone) is { } p ? IdentityKeys.ForPhoneLookup(p) : [])
        {
            if (await FindAsync(key, cancellationToken) is { } customerId)
            {
                return customerId;
            }
        }

        return null;
    }

    /// <summary>E.164, a number without its country code read in the configured default region; or null.</summary>
    public string? NormalizePhone(string? phone) => ContactNormalizer.Phone(phone, contacts.Value.PhoneRegion);

    /// <summary>
    /// Applies <paramref name="consent"/> to the customer (ETag-guarded, retried on a lost race). True when the stored
    /// consent changed; a statement older than (or as old as) the stored one changes nothing.
    /// </summary>
    public async Task<bool> RecordAsync(string customerId, ConsentRecord consent, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(customerId, cancellationToken);
            if (current is null)
            {
                return false;
            }

            var updated = CustomerAggregator.Apply(current.Value, new CustomerIdentity(null, null, null, Consents: [consent]));
            if (updated.Consents.SequenceEqual(current.Value.Consents))
            {
                return false;
            }

            if (await store.SaveAsync(updated, current.ETag, cancellationToken) == WriteOutcome.Written)
            {
                await campaignEvents.RaiseAsync(customerId, new ConsentChanged(consent), cancellationToken);
                return true;
            }
        }

        throw new InvalidOperationException($"Consent for customer '{customerId}' lost {MaxAttempts} write races in a row.");
    }

    private async Task<string?> FindAsync(string? key, CancellationToken cancellationToken) =>
        key is not null && await index.FindAsync(key, cancellationToken) is { } holder
            ? await merger.FollowAsync(holder, cancellationToken)
            : null;
}
