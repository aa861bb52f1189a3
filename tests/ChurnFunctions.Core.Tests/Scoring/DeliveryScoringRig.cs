using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Sources.Pos;
using ChurnFunctions.Core.Sources.Shopify;
using ChurnFunctions.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChurnFunctions.Core.Tests.Sources.SourceTestData;
using ChurnFunctions.Core.Tests.Support;

namespace ChurnFunctions.Core.Tests.Scoring;

/// <summary>
/// Deliveries through the real normalisers and the ingest processor into in-memory ports, then the nightly job over
/// them: the path a webhook's line items take to a score's abandoned categories.
/// </summary>
internal sealed class DeliveryScoringRig
{
    private readonly IngestRig ingest = new();
    private readonly ShopifyNormalizer shopify = new(Webhooks());
    private readonly PosJsonNormalizer pos = new(Webhooks(), Api());

    public DeliveryScoringRig(AlertOptions? alertOptions = null)
    {
        AlertOptions = alertOptions ?? new AlertOptions();
        Job = new ScoringJob(
            ingest.Store,
            Scores,
            Metrics,
            new AlertService(Alerts, ingest.Store, [new OutboxAlertChannel(Outbox, TimeProvider.System)], Options.Create(AlertOptions), NullLogger<AlertService>.Instance),
            new CategoryHistoryReader(ingest.Store, Options.Create(new CategoryAbandonmentOptions())),
            Options.Create(new AnalyticsOptions()),
            Options.Create(AlertOptions),
            Options.Create(new ChurnOptions()),
            Options.Create(new PartialChurnOptions()),
            Options.Create(new ValueTierOptions()),
            TimeProvider.System,
            TestMeters.Metrics(),
            NullLogger<ScoringJob>.Instance);
    }

    public AlertOptions AlertOptions { get; }

    public InMemoryScoreStore Scores { get; } = new();

    public InMemoryMetricsStore Metrics { get; } = new();

    public InMemoryAlertStore Alerts { get; } = new();

    public InMemoryOutbox Outbox { get; } = new();

    public ScoringJob Job { get; }

    public Task<CustomerScore?> ScoreOfAsync(DateOnly asOf, string platformKey) =>
        Scores.GetAsync(asOf, ingest.Index.Keys[platformKey], default);

    public async Task PosAsync(string json) => await IngestAsync(pos.Normalize(Envelope("pos", json)));

    public async Task ShopifyOrderAsync(string json) =>
        await IngestAsync(shopify.Normalize(Envelope("shopify", json, ("X-Shopify-Topic", "orders/create"))));

    private async Task IngestAsync(NormalizationResult result)
    {
        Assert.True(result.IsValid, string.Join("; ", result.Errors?.Select(e => $"{e.Key}: {string.Join(",", e.Value)}") ?? []));
        await ingest.Processor.ProcessAsync(result.Transactions, default);
    }
}
