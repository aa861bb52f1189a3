using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>The real identity index, with each call counted and timed (--split only).</summary>
internal sealed class TimedIdentityIndex(IIdentityIndex inner, StorageCallSplit split) : IIdentityIndex
{
    public Task<string?> FindAsync(string identityKey, CancellationToken cancellationToken) =>
        split.TimeAsync("identities.Find", () => inner.FindAsync(identityKey, cancellationToken));

    public Task<string> ClaimAsync(string identityKey, string customerId, CancellationToken cancellationToken) =>
        split.TimeAsync("identities.Claim", () => inner.ClaimAsync(identityKey, customerId, cancellationToken));

    public Task AssignAsync(string identityKey, string customerId, CancellationToken cancellationToken) =>
        split.TimeAsync(identityKey.StartsWith("order:", StringComparison.Ordinal) ? "identities.Assign (order index)" : "identities.Assign",
            () => inner.AssignAsync(identityKey, customerId, cancellationToken));
}
