using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Privacy;

/// <summary>
/// Whether a buyer in a delivery was erased. Ingest then stores the sale without a customer (anonymous): the revenue
/// counts, nothing names the person. A delivery carrying a consent granted after the erasure takes them off the list:
/// they came back and agreed again.
/// </summary>
public sealed class ErasureCheck(IErasureList erasures, IdentityHasher hasher)
{
    public async Task<bool> IsErasedAsync(CustomerIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!hasher.IsConfigured || identity.IsAnonymous)
        {
            return false;
        }

        // A person erased while phone keys followed the old rule is found under that key too.
        var hashes = hasher.HashAll(identity.Phone is { } phone
            ? IdentityKeys.For(identity).Concat(IdentityKeys.ForPhoneLookup(phone))
            : IdentityKeys.For(identity));
        if (await erasures.ErasedAtAsync(hashes, cancellationToken) is not { } erasedAt)
        {
            return false;
        }

        if (identity.Consents?.Any(c => c.Granted && c.At > erasedAt) == true)
        {
            await erasures.RemoveAsync(hashes, cancellationToken);
            return false;
        }

        return true;
    }

    /// <summary>Whether an address (email, or E.164 phone) belongs to an erased person.</summary>
    public async Task<bool> IsErasedAddressAsync(MessageChannel channel, string address, CancellationToken cancellationToken)
    {
        if (!hasher.IsConfigured)
        {
            return false;
        }

        var normalized = Engagement.SuppressionEntry.Normalize(channel, address);
        IReadOnlyList<string> keys = channel == MessageChannel.Email ? [IdentityKeys.ForEmail(normalized)] : IdentityKeys.ForPhoneLookup(normalized);
        return await erasures.ErasedAtAsync(hasher.HashAll(keys), cancellationToken) is not null;
    }
}
