namespace ChurnFunctions.Core.Scoring;

/// <summary>Per-customer scores, kept per run day so that a score can be compared with the day before.</summary>
public interface IScoreStore
{
    Task SaveAsync(DateOnly asOf, IReadOnlyList<CustomerScore> scores, CancellationToken cancellationToken);

    Task<CustomerScore?> GetAsync(DateOnly asOf, string customerId, CancellationToken cancellationToken);

    /// <summary>Every score of one run day, in pages from the store (exports stream them; a run may hold 100k).</summary>
    IAsyncEnumerable<CustomerScore> ListAsync(DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>
    /// The day's scores of the given customers (those never scored that day are absent). The nightly jobs read many
    /// customers' scores at once: a store reads them in pages rather than one round trip per customer.
    /// </summary>
    async Task<IReadOnlyDictionary<string, CustomerScore>> GetManyAsync(
        DateOnly asOf, IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var result = new Dictionary<string, CustomerScore>(StringComparer.Ordinal);
        foreach (var id in customerIds)
        {
            if (await GetAsync(asOf, id, cancellationToken) is { } score)
            {
                result[id] = score;
            }
        }

        return result;
    }
}
