using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Core.Customers;

/// <summary>
/// Finds the customer a buyer identity belongs to: by platform id, then normalised email, then phone. When one
/// delivery links records that were separate (an email first seen at the POS, a Shopify id later), the later ones
/// are merged into the strongest match.
/// </summary>
public sealed partial class CustomerResolver(IIdentityIndex index, CustomerMerger merger, ILogger<CustomerResolver> logger)
{
    public async Task<string> ResolveAsync(CustomerIdentity? identity, CancellationToken cancellationToken)
    {
        if (identity is null || identity.IsAnonymous)
        {
            return CustomerIds.Anonymous;
        }

        var keys = IdentityKeys.For(identity);
        var holderOf = new Dictionary<string, string>(keys.Count, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (await index.FindAsync(key, cancellationToken) is { } holder)
            {
                holderOf[key] = await merger.FollowAsync(holder, cancellationToken);
            }
        }

        // Keys are in priority order, so the first holder is the strongest match.
        var survivor = holderOf.Count > 0 ? holderOf[keys.First(holderOf.ContainsKey)] : CustomerIds.FromIdentityKey(keys[0]);
        foreach (var key in keys.Where(k => !holderOf.ContainsKey(k)))
        {
            // Another delivery may claim the key between the lookup and here: the claim tells us who won.
            var holder = await index.ClaimAsync(key, survivor, cancellationToken);
            holderOf[key] = holder == survivor ? survivor : await merger.FollowAsync(holder, cancellationToken);
        }

        foreach (var other in holderOf.Values.Where(h => h != survivor).Distinct())
        {
            LogMerging(logger, other, survivor);
            await merger.MergeAsync(other, survivor, cancellationToken);
        }

        foreach (var key in keys.Where(k => holderOf[k] != survivor))
        {
            await index.AssignAsync(key, survivor, cancellationToken);
        }

        return survivor;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merging customer {FromCustomerId} into {IntoCustomerId}")]
    private static partial void LogMerging(ILogger logger, string fromCustomerId, string intoCustomerId);
}
