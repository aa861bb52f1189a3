namespace ChurnFunctions.Core.Scoring;

/// <summary>Per-customer scores, kept per run day so that a score can be compared with the day before.</summary>
public interface IScoreStore
{
    Task SaveAsync(DateOnly asOf, IReadOnlyList<CustomerScore> scores, CancellationToken cancellationToken);

    Task<CustomerScore?> GetAsync(DateOnly asOf, string customerId, CancellationToken cancellationToken);

    /// <summary>Every score of one run day, in pages from the store (exports stream them; a run may hold 100k).</summary>
    IAsyncEnumerable<CustomerScore> ListAsync(DateOnly asOf, CancellationToken cancellationToken);
}
