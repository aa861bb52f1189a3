using System.Diagnostics.Metrics;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Telemetry;

/// <summary>
/// The project's instruments on the <see cref="ChurnTelemetry.MeterName"/> meter, created through the host's
/// <see cref="IMeterFactory"/> so each host (and each test's service provider) has its own. Tags are low-cardinality
/// names (source, channel, outcome, error type), never ids or contact details.
/// </summary>
public sealed class ChurnMetrics
{
    public const string IngestAcceptedName = "churn.ingest.accepted";
    public const string IngestStoredName = "churn.ingest.stored";
    public const string IngestPoisonedName = "churn.ingest.poisoned";
    public const string SendsName = "churn.sends";
    public const string ScoringDurationName = "churn.scoring.duration";
    public const string CustomersScoredName = "churn.scoring.customers";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _poisoned;
    private readonly Counter<long> _sends;
    private readonly Histogram<double> _scoringDuration;
    private readonly Counter<long> _customersScored;

    public ChurnMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ChurnTelemetry.MeterName);
        _accepted = meter.CreateCounter<long>(IngestAcceptedName, "{delivery}", "Deliveries accepted over HTTP and queued (202).");
        _stored = meter.CreateCounter<long>(IngestStoredName, "{transaction}", "Transactions stored by the ingest queue handler (duplicates not counted).");
        _poisoned = meter.CreateCounter<long>(IngestPoisonedName, "{delivery}", "Ingest deliveries moved to the poison queue.");
        _sends = meter.CreateCounter<long>(SendsName, "{send}", "Campaign messages handed to a provider, by channel and outcome.");
        _scoringDuration = meter.CreateHistogram<double>(
            ScoringDurationName, "s", "Wall time of a scoring run, load to publish.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600] });
        _customersScored = meter.CreateCounter<long>(CustomersScoredName, "{customer}", "Customers scored by the nightly job.");
    }

    public void IngestAccepted(string source) => _accepted.Add(1, new KeyValuePair<string, object?>("source", source));

    public void IngestStored(string source, int transactions)
    {
        if (transactions > 0)
        {
            _stored.Add(transactions, new KeyValuePair<string, object?>("source", source));
        }
    }

    public void IngestPoisoned(Exception error) => _poisoned.Add(1, new KeyValuePair<string, object?>("error.type", error.GetType().Name));

    public void Sent(MessageChannel channel, SendResult result) =>
        _sends.Add(
            1,
            new KeyValuePair<string, object?>("channel", channel == MessageChannel.Email ? "email" : "sms"),
            new KeyValuePair<string, object?>("outcome", OutcomeName(result)));

    public void Scored(int customers, TimeSpan duration)
    {
        _customersScored.Add(customers);
        _scoringDuration.Record(duration.TotalSeconds);
    }

    private static string OutcomeName(SendResult result) => result.Status switch
    {
        SendStatus.Sent => "sent",
        SendStatus.Transient when result.MaybeSent => "uncertain",
        SendStatus.Transient => "transient",
        SendStatus.Rejected => "rejected",
        SendStatus.OptedOut => "opted-out",
        SendStatus.InvalidRecipient => "invalid-recipient",
        _ => "other",
    };
}
