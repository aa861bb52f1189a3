using System.Collections.Concurrent;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Tests.Fakes;

internal sealed class InMemoryIdentityIndex : IIdentityIndex
{
    public ConcurrentDictionary<string, string> Keys { get; } = new();

    public ConcurrentQueue<string> Finds { get; } = new();

    public Task<string?> FindAsync(string identityKey, CancellationToken cancellationToken)
    {
        Finds.Enqueue(identityKey);
        return Task.FromResult(Keys.TryGetValue(identityKey, out var id) ? id : null);
    }

    public Task<string> ClaimAsync(string identityKey, string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(Keys.GetOrAdd(identityKey, customerId));

    public Task AssignAsync(string identityKey, string customerId, CancellationToken cancellationToken)
    {
        Keys[identityKey] = customerId;
        return Task.CompletedTask;
    }
}
