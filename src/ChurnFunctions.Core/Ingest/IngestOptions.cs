using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Core.Ingest;

/// <summary>Ingest pipeline settings, bound from "Ingest".</summary>
public sealed class IngestOptions : IValidatableObject
{
    public const string SectionName = "Ingest";

    /// <summary>
    /// Envelopes larger than this (as UTF-8 JSON, before the queue's base64) go by claim check. A queue message holds
    /// 64 KiB of base64 text, so about 48 KiB of payload; the default leaves room for the envelope's other fields.
    /// </summary>
    [Range(1024, 48 * 1024)]
    public int MaxInlineBytes { get; set; } = 45 * 1024;

    /// <summary>
    /// How long the HTTP side may spend putting a delivery on the queue before it answers 503. Platforms give up on a
    /// webhook after a few seconds (Shopify: 5) and retry later; answering in time keeps the delivery theirs to retry.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Queue puts the HTTP side keeps in flight at once; deliveries arriving while all are busy share the next message.
    /// Fewer means more deliveries per message under load; more means less waiting for a free put.
    /// </summary>
    [Range(1, 64)]
    public int MaxParallelEnqueues { get; set; } = 4;

    /// <summary>
    /// Attempts a delivery gets, counted across the handler's retries; the last writes the poison entry. Keep it equal to
    /// host.json's extensions.queues.maxDequeueCount, which bounds a message the handler could not even re-enqueue.
    /// </summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// The wait before a failed delivery's second attempt; each later wait doubles, up to <see cref="MaxRetryDelay"/>.
    /// With the defaults and 5 attempts: 30 s, 1 min, 2 min, 4 min, so a refund waits 7.5 minutes for its order.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts of a delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < RetryDelay)
        {
            yield return new ValidationResult(
                $"MaxRetryDelay ({MaxRetryDelay}) must not be below RetryDelay ({RetryDelay}).", [nameof(MaxRetryDelay)]);
        }
    }
}
