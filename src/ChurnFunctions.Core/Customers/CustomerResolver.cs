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
        var holders = new List<string>(keys.Count);
        var unclaimed = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            if (await index.FindAsync(key, cancellationToken) is { } holder)
            {
                AddDistinct(holders, await merger.FollowAsync(holder, cancellationToken));
            }
            else
            {
                unclaimed.Add(key);
            }
        }

        var survivor = holders.Count > 0 ? holders[0] : CustomerIds.FromIdentityKey(keys[0]);
        foreach (var key in unclaimed)
        {
            // Another delivery may claim the key between the lookup and here: the claim tells us who won.
            var holder = await index.ClaimAsync(key, survivor, cancellationToken);
            if (holder != survivor)
            {
                AddDistinct(holders, await merger.FollowAsync(holder, cancellationToken));
            }
        }

        foreach (var other in holders.Where(h => h != survivor))
        {
            LogMerging(logger, other, survivor);
            await merger.MergeAsync(other, survivor, cancellationToken);
        }

        return survivor;
    }

    private static void AddDistinct(List<string> ids, string id)
    {
        if (!ids.Contains(id))
        {
            ids.Add(id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merging customer {FromCustomerId} into {IntoCustomerId}")]
    private static partial void LogMerging(ILogger logger, string fromCustomerId, string intoCustomerId);
}
