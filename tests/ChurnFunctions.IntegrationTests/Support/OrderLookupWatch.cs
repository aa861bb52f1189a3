using System.Collections.Concurrent;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.IntegrationTests.Support;

/// <summary>The identity index, noting each time a refund looked for <paramref name="orderKey"/> and did not find it.</summary>
internal sealed class OrderLookupWatch(IIdentityIndex inner, string orderKey) : IIdentityIndex
{
    private readonly ConcurrentQueue<DateTimeOffset> misses = new();

    /// <summary>When each lookup of the order found nothing: one per attempt of a refund that came first.</summary>
    public IReadOnlyList<DateTimeOffset> Misses => [.. misses];

    public async Task<string?> FindAsync(string identityKey, CancellationToken cancellationToken)
    {
        var holder = await inner.FindAsync(identityKey, cancellationToken);
        if (holder is null && identityKey == orderKey)
        {
            misses.Enqueue(DateTimeOffset.UtcNow);
        }

        return holder;
    }

    public Task<string> ClaimAsync(string identityKey, string customerId, CancellationToken cancellationToken) =>
        inner.ClaimAsync(identityKey, customerId, cancellationToken);

    public Task AssignAsync(string identityKey, string customerId, CancellationToken cancellationToken) =>
        inner.AssignAsync(identityKey, customerId, cancellationToken);
}
