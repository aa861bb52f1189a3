using System.Collections.Concurrent;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Tests.Fakes;

internal sealed class InMemoryScoreStore : IScoreStore
{
    private readonly ConcurrentDictionary<(DateOnly, string), CustomerScore> scores = new();

    public Task SaveAsync(DateOnly asOf, IReadOnlyList<CustomerScore> batch, CancellationToken cancellationToken)
    {
        foreach (var score in batch)
        {
            scores[(asOf, score.CustomerId)] = score;
        }

        return Task.CompletedTask;
    }

    public Task<CustomerScore?> GetAsync(DateOnly asOf, string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(scores.GetValueOrDefault((asOf, customerId)));

    public IAsyncEnumerable<CustomerScore> ListAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        scores.Where(s => s.Key.Item1 == asOf).Select(s => s.Value).ToAsyncEnumerable();
}
