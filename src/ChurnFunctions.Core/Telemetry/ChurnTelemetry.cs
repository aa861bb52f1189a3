using System.Diagnostics;

namespace ChurnFunctions.Core.Telemetry;

/// <summary>
/// The names every host subscribes to, in one place, and the project's own spans: the ingest envelope's creation on
/// the HTTP side, each queue message handled, and each ingest delivery, parented to the request that queued it.
/// Span tags carry ids, queue names and sources, never contact details.
/// </summary>
public static class ChurnTelemetry
{
    /// <summary>The project's ActivitySource (queue messages, ingest deliveries).</summary>
    public const string SourceName = "ChurnFunctions";

    /// <summary>The project's Meter (<see cref="ChurnMetrics"/>).</summary>
    public const string MeterName = "ChurnFunctions";

    /// <summary>The Azure SDK clients' sources (Azure.Data.Tables, Azure.Storage.*), as OpenTelemetry wildcards.</summary>
    public const string AzureSdkSources = "Azure.*";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A span around one message of <paramref name="queue"/> as a host hands it to its handler. Its parent is whatever
    /// the host has current (the Functions worker's invocation, nothing in the self-host); the deliveries inside an
    /// ingest message start their own spans under the request that queued each one.
    /// </summary>
    public static Activity? StartQueueMessage(string queue, string? messageId, long dequeueCount) =>
        Source.StartActivity(
            ActivityKind.Consumer,
            tags:
            [
                new("messaging.system", "azure_queue"),
                new("messaging.operation.type", "process"),
                new("messaging.destination.name", queue),
                new("messaging.message.id", messageId),
                new("churn.dequeue_count", dequeueCount),
            ],
            name: "process " + queue);

    /// <summary>Marks a span failed by the exception's type alone: its message may quote a field value such as an email.</summary>
    public static void Fail(this Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        activity.SetTag("error.type", error.GetType().FullName);
    }

    internal static Activity? StartScoring(DateOnly asOf) =>
        Source.StartActivity(ActivityKind.Internal, tags: [new("churn.as_of", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))], name: "score");

    internal static Activity? StartEnvelopeCreate(string source) =>
        Source.StartActivity(
            ActivityKind.Producer,
            tags:
            [
                new("messaging.system", "azure_queue"),
                new("messaging.operation.type", "create"),
                new("messaging.destination.name", Triggers.Triggers.IngestQueue),
                new("churn.source", source),
            ],
            name: "create " + Triggers.Triggers.IngestQueue);

    /// <summary>
    /// The span of one ingest delivery: a child of the context the envelope carries (the webhook's request), linked to
    /// the queue message that brought it, since a message may hold deliveries of several requests. An envelope queued
    /// before the context travelled has none and stays under the message's span.
    /// </summary>
    internal static Activity? StartIngestDelivery(string source, string? traceParent, string? traceState)
    {
        var message = Activity.Current;
        if (traceParent is null || !ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent))
        {
            return Source.StartActivity(ActivityKind.Consumer, tags: [new("churn.source", source)], name: "ingest " + source);
        }

        return Source.StartActivity(
            ActivityKind.Consumer,
            parent,
            tags: [new("churn.source", source)],
            links: message is null ? null : [new ActivityLink(message.Context)],
            name: "ingest " + source);
    }
}
