using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Core.Engagement;

/// <summary>Exit-survey answers: one per customer and day (a second answer that day replaces the first), and each customer's latest.</summary>
public interface IFeedbackStore
{
    /// <summary>Stores the answer under its UTC day and as the customer's latest reason.</summary>
    Task SaveAsync(FeedbackEntry entry, CancellationToken cancellationToken);

    /// <summary>Answers given from <paramref name="from"/> to <paramref name="to"/> (UTC days, inclusive).</summary>
    Task<IReadOnlyList<FeedbackEntry>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The customer's latest answer: what a <see cref="ChurnReasonTrigger"/> targets.</summary>
    Task<FeedbackEntry?> GetLatestAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// The customer's answers, one per UTC day, oldest first. A store that keeps only the latest answer per customer
    /// returns that one.
    /// </summary>
    async Task<IReadOnlyList<FeedbackEntry>> ListByCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        await GetLatestAsync(customerId, cancellationToken) is { } latest ? [latest] : [];

    /// <summary>The latest answers of the given customers (those who never answered are absent), read in bulk by the enrollment.</summary>
    async Task<IReadOnlyDictionary<string, FeedbackEntry>> GetLatestManyAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var result = new Dictionary<string, FeedbackEntry>(StringComparer.Ordinal);
        foreach (var id in customerIds)
        {
            if (await GetLatestAsync(id, cancellationToken) is { } entry)
            {
                result[id] = entry;
            }
        }

        return result;
    }
}
