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
}
