using System.Runtime.CompilerServices;
using System.Text.Json;
using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;
using ChurnFunctions.Core.Tests.Support;

namespace ChurnFunctions.Core.Tests.Scoring;

/// <summary>
/// A <see cref="ScoringJob"/> over given customer records and in-memory score and metrics stores that serialise what
/// they keep as the table stores do (so NaN or Infinity fails the write as it would in storage).
/// </summary>
internal sealed class ScoringRig
{
    public static readonly DateTimeOffset Now = new(2024, 6, 1, 3, 0, 0, TimeSpan.Zero);

    public ScoringRig(IEnumerable<CustomerRecord> records, ChurnFunctions.Core.Telemetry.ChurnMetrics? churnMetrics = null)
    {
        var customers = new Mock<ICustomerStore>();
        customers.Setup(c => c.ListAsync(It.IsAny<CancellationToken>())).Returns((CancellationToken ct) => List(records, ct));
        customers.Setup(c => c.GetTransactionsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var alertStore = new Mock<IAlertStore>();
        alertStore.Setup(a => a.TryAddAsync(It.IsAny<Alert>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        Job = new ScoringJob(
            customers.Object,
            Scores,
            Metrics,
            new AlertService(alertStore.Object, customers.Object, [], Options.Create(new AlertOptions()), Mock.Of<ILogger<AlertService>>()),
            new CategoryHistoryReader(customers.Object, Options.Create(new CategoryAbandonmentOptions())),
            Options.Create(new AnalyticsOptions()),
            Options.Create(new AlertOptions()),
            Options.Create(new ChurnOptions()),
            Options.Create(new PartialChurnOptions()),
            Options.Create(new ValueTierOptions()),
            new FixedTime(Now),
            churnMetrics ?? TestMeters.Metrics(),
            Logger.Object);
    }

    public ScoringJob Job { get; }

    public InMemoryScoreStore Scores { get; } = new();

    public InMemoryMetricsStore Metrics { get; } = new();

    public Mock<ILogger<ScoringJob>> Logger { get; } = new();

    /// <summary>A customer buying on the given days, spending <paramref name="amount"/> on each, in <paramref name="currency"/>.</summary>
    public static CustomerRecord Customer(string id, IEnumerable<DateOnly> days, decimal amount = 20m, string? currency = "USD")
    {
        var purchaseDays = days.Order().Distinct().ToList();
        return new CustomerRecord
        {
            Id = id,
            PurchaseDays = purchaseDays,
            PurchaseDaySpend = [.. purchaseDays.Select(_ => amount)],
            FirstDaySpend = purchaseDays.Count > 0 ? amount : 0,
            OrderCount = purchaseDays.Count,
            GrossSpend = amount * purchaseDays.Count,
            NetSpend = amount * purchaseDays.Count,
            FirstPurchaseAt = purchaseDays.Count > 0 ? new DateTimeOffset(purchaseDays[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            LastPurchaseAt = purchaseDays.Count > 0 ? new DateTimeOffset(purchaseDays[^1].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Currency = currency,
        };
    }

    /// <summary>Days from <paramref name="first"/> every <paramref name="gap"/> days, <paramref name="count"/> of them.</summary>
    public static IEnumerable<DateOnly> Every(DateOnly first, int gap, int count) => Enumerable.Range(0, count).Select(k => first.AddDays(k * gap));

    private static async IAsyncEnumerable<CustomerRecord> List(IEnumerable<CustomerRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return record;
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

internal sealed class InMemoryScoreStore : IScoreStore
{
    private readonly Dictionary<(DateOnly, string), string> rows = [];

    public Task SaveAsync(DateOnly asOf, IReadOnlyList<CustomerScore> scores, CancellationToken cancellationToken)
    {
        foreach (var score in scores)
        {
            rows[(asOf, score.CustomerId)] = JsonSerializer.Serialize(score, JsonSerializerOptions.Web);
        }

        return Task.CompletedTask;
    }

    public Task<CustomerScore?> GetAsync(DateOnly asOf, string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(rows.TryGetValue((asOf, customerId), out var json) ? JsonSerializer.Deserialize<CustomerScore>(json, JsonSerializerOptions.Web) : null);

    public IAsyncEnumerable<CustomerScore> ListAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        rows.Where(r => r.Key.Item1 == asOf).Select(r => JsonSerializer.Deserialize<CustomerScore>(r.Value, JsonSerializerOptions.Web)!).ToAsyncEnumerable();
}

internal sealed class InMemoryMetricsStore : IMetricsStore
{
    private readonly SortedDictionary<DateOnly, string> daily = [];
    private string? latest;

    /// <summary>When set, the next snapshot write fails with it (storage down half-way through a run).</summary>
    public Exception? FailSave { get; set; }

    public Task SaveAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (FailSave is { } failure)
        {
            throw failure;
        }

        daily[snapshot.Date] = JsonSerializer.Serialize(snapshot, JsonSerializerOptions.Web);
        return Task.CompletedTask;
    }

    public Task PublishAsync(MetricsSnapshot snapshot, CancellationToken cancellationToken)
    {
        latest = JsonSerializer.Serialize(snapshot, JsonSerializerOptions.Web);
        return Task.CompletedTask;
    }

    public Task<MetricsSnapshot?> LatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult(latest is null ? null : JsonSerializer.Deserialize<MetricsSnapshot>(latest, JsonSerializerOptions.Web));

    public Task<IReadOnlyList<MetricsSnapshot>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MetricsSnapshot>>(
            [.. daily.Where(d => d.Key >= from && d.Key <= to).Select(d => JsonSerializer.Deserialize<MetricsSnapshot>(d.Value, JsonSerializerOptions.Web)!)]);
}
