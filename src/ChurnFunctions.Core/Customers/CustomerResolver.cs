using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Core.Customers;

/// <summary>
/// Finds the customer a buyer identity belongs to: by platform id, then normalised email, then phone. When one
/// delivery links records that were separate (an email first seen at the POS, a Shopify id later), the later ones
/// are merged into one (see <see cref="CustomerMerger"/> for which survives).
/// </summary>
public sealed partial class CustomerResolver(IIdentityIndex index, CustomerMerger merger, ILogger<CustomerResolver> logger)
{
    public async Task<string> ResolveAsync(CustomerIdentity? identity, CancellationToken cancellationToken) =>
        (await ResolveWithRecordAsync(identity, cancellationToken)).Id;

    /// <summary>
    /// Resolves the buyer and hands on the survivor's record as read, so that storing a transaction starts from it.
    /// A returning buyer is read, not looked up; the index is asked only for keys no candidate carries yet, and each
    /// distinct holder is read once: the ingest path's round trips are its cost.
    /// </summary>
    public Task<ResolvedCustomer> ResolveWithRecordAsync(CustomerIdentity? identity, CancellationToken cancellationToken) =>
        ResolveWithRecordAsync(identity, null, cancellationToken);

    /// <inheritdoc cref="ResolveWithRecordAsync(CustomerIdentity?, CancellationToken)"/>
    /// <param name="stored">What a bulk import read before it began: the buyer's home record is taken from it rather than read.</param>
    public async Task<ResolvedCustomer> ResolveWithRecordAsync(CustomerIdentity? identity, StoredCustomers? stored, CancellationToken cancellationToken)
    {
        if (identity is null || identity.IsAnonymous)
        {
            return ResolvedCustomer.Unread(CustomerIds.Anonymous);
        }

        var keys = IdentityKeys.For(identity);

        // Any customer that already carries every key of this buyer is the one the index would give: a key is claimed
        // before a record takes it on, and a merge marks the record it moves keys away from. A buyer first seen under
        // its strongest key lives under the id derived from it, so a returning one costs a single read; others cost
        // the strongest key's lookup, and only a buyer with new keys looks up the rest.
        var followed = new Dictionary<string, ResolvedCustomer>(StringComparer.Ordinal);
        var derived = CustomerIds.FromIdentityKey(keys[0]);
        var home = stored is null ? await merger.FollowWithRecordAsync(derived, cancellationToken) : await HomeAsync(derived, stored, cancellationToken);
        if (Carries(home, keys))
        {
            return home;
        }

        // A buyer known by one key whose home has no record is new, or has moved by a merge: claiming the key answers
        // both at once (the claim reads the holder when it is taken), one round trip fewer for every new buyer. With
        // more keys the strongest holder among them decides, so the key is only looked up; so is a phone that may be
        // stored under its old-rule key, which the claim would hide.
        var strongest = keys.Count == 1 && home.Record is null && home.Id == derived
            && (identity.Phone is not { } phone || PhoneIdentity.LegacyForm(phone) is null)
            ? await index.ClaimAsync(keys[0], derived, cancellationToken)
            : await index.FindAsync(keys[0], cancellationToken);
        if (strongest is not null)
        {
            var holder = strongest == derived || strongest == home.Id ? home : await merger.FollowWithRecordAsync(strongest, cancellationToken);
            if (Carries(holder, keys))
            {
                return holder;
            }

            followed[strongest] = holder;
        }

        var others = await Task.WhenAll(keys.Skip(1).Select(k => index.FindAsync(k, cancellationToken)));
        string?[] found = [strongest, .. others];
        var phoneViaLegacy = await FindPhoneByLegacyKeyAsync(identity, keys, found, cancellationToken);
        foreach (var holder in found.OfType<string>().Distinct().Where(h => !followed.ContainsKey(h)))
        {
            followed[holder] = await merger.FollowWithRecordAsync(holder, cancellationToken);
        }

        var holderOf = new Dictionary<string, string>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (found[i] is { } holder)
            {
                holderOf[keys[i]] = followed[holder].Id;
            }
        }

        // Keys are in priority order, so the first holder is the strongest match. A new buyer's id comes from its key,
        // and its record (none, for a new buyer) was read above.
        var survivor = holderOf.Count > 0
            ? followed.Values.First(f => f.Id == holderOf[keys.First(holderOf.ContainsKey)])
            : home.Id == derived ? home : ResolvedCustomer.Unread(derived);
        // Another delivery may claim a key between the lookup and here: the claim tells us who won.
        var unclaimed = keys.Where(k => !holderOf.ContainsKey(k)).ToList();
        var claimed = await Task.WhenAll(unclaimed.Select(k => index.ClaimAsync(k, survivor.Id, cancellationToken)));
        for (var i = 0; i < unclaimed.Count; i++)
        {
            holderOf[unclaimed[i]] = claimed[i] == survivor.Id ? survivor.Id : await merger.FollowAsync(claimed[i], cancellationToken);
        }

        // The merger decides the survivor (the smaller id), so the one chosen above may be merged away here.
        var survivorId = survivor.Id;
        foreach (var other in holderOf.Values.Where(h => h != survivor.Id).Distinct().ToList())
        {
            LogMerging(logger, other, survivorId);
            survivorId = await merger.MergeAsync(other, survivorId, cancellationToken);
        }

        // A phone found only under its old-rule key is indexed under its E.164 key from now on.
        foreach (var key in keys.Where(k => holderOf[k] != survivorId || k == phoneViaLegacy))
        {
            await index.AssignAsync(key, survivorId, cancellationToken);
        }

        // A merge rewrote the survivor's record: what was read before is stale.
        return survivorId == survivor.Id && holderOf.Values.All(h => h == survivor.Id) ? survivor : ResolvedCustomer.Unread(survivorId);
    }

    /// <summary>
    /// Phone keys stored before libphonenumber dropped the leading 0 of a national number (+39612345678 for
    /// "06 1234 5678", now +390612345678). When the phone's key finds nobody, its old-rule form is looked up, and its
    /// holder counts as the holder of the phone (the phone key, returned, is then assigned to the survivor).
    /// </summary>
    private async Task<string?> FindPhoneByLegacyKeyAsync(
        CustomerIdentity identity, IReadOnlyList<string> keys, string?[] found, CancellationToken cancellationToken)
    {
        if (identity.Phone is not { } phone || PhoneIdentity.LegacyForm(phone) is not { } legacy)
        {
            return null;
        }

        var phoneKey = IdentityKeys.ForPhone(phone);
        var at = keys.ToList().IndexOf(phoneKey);
        if (at < 0 || found[at] is not null || await index.FindAsync(IdentityKeys.ForPhone(legacy), cancellationToken) is not { } holder)
        {
            return null;
        }

        found[at] = holder;
        return phoneKey;
    }

    private async Task<ResolvedCustomer> HomeAsync(string derived, StoredCustomers stored, CancellationToken cancellationToken) =>
        stored.Record(derived) switch
        {
            null => new ResolvedCustomer(derived, true, null),
            { Value.MergedInto: { } next } => await merger.FollowWithRecordAsync(next, cancellationToken),
            var record => new ResolvedCustomer(derived, true, record),
        };

    private static bool Carries(ResolvedCustomer customer, IReadOnlyList<string> keys) =>
        customer.Record?.Value is { } record && keys.All(k => record.PlatformKeys.Contains(k, StringComparer.Ordinal)
            || (record.Email is { } email && k == IdentityKeys.ForEmail(email))
            || (record.Phone is { } phone && k == IdentityKeys.ForPhone(phone)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Merging customers {CustomerId} and {OtherCustomerId}")]
    private static partial void LogMerging(ILogger logger, string customerId, string otherCustomerId);
}
