using System.Globalization;
using System.Runtime.CompilerServices;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Storage.Ports;

/// <summary>Table "scores": PartitionKey the run day (yyyyMMdd), RowKey the customer id; a run writes 100 rows a batch.</summary>
public sealed class TableScoreStore(StorageAccount account) : IScoreStore
{
    public const string TableName = "scores";
    private readonly JsonRows<CustomerScore> rows = new(account, TableName);

    public Task SaveAsync(DateOnly asOf, IReadOnlyList<CustomerScore> scores, CancellationToken cancellationToken) =>
        rows.UpsertPartitionAsync(Day(asOf), scores.Select(s => (s.CustomerId, s)), cancellationToken);

    // Runs before the kebab-case vocabulary wrote "AtRisk"; a read gives every score the one spelling.
    public async Task<CustomerScore?> GetAsync(DateOnly asOf, string customerId, CancellationToken cancellationToken) =>
        await rows.GetAsync(Day(asOf), customerId, cancellationToken) is { } score ? ScoreNames.Normalize(score) : null;

    public async IAsyncEnumerable<CustomerScore> ListAsync(DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var score in rows.StreamAsync(JsonRows<CustomerScore>.Partition(Day(asOf)), cancellationToken).ConfigureAwait(false))
        {
            yield return ScoreNames.Normalize(score);
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
