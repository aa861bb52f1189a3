using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>
/// How a queue listener fetches and retries messages, bound from "Queues" with the names and defaults of host.json's
/// extensions.queues (batchSize, newBatchThreshold, maxDequeueCount, visibilityTimeout, maxPollingInterval).
/// </summary>
public sealed class QueueListenerOptions : IValidatableObject
{
    public const string SectionName = "Queues";

    /// <summary>How many messages are fetched at once, and the most that are processed at the same time.</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// Fetch again once this many messages or fewer are still being processed; null means <see cref="BatchSize"/> / 2.
    /// </summary>
    [Range(0, 31)]
    public int? NewBatchThreshold { get; set; }

    /// <summary>Attempts before a failing message moves to "{queue}-poison".</summary>
    [Range(1, 1000)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// How long a failed message stays invisible before its second attempt; each later wait doubles, up to
    /// <see cref="MaxVisibilityTimeout"/>. (Functions waits visibilityTimeout before every retry.)
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait before a failed message is retried. Not a host.json setting.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest wait between polls of an empty queue; waits start at 100 ms and double up to this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a message being processed stays invisible to other receivers; renewed every half lease while its
    /// handler runs. Functions uses 10 minutes. Not a host.json setting.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The threshold in effect: <see cref="NewBatchThreshold"/> or <see cref="BatchSize"/> / 2.</summary>
    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? BatchSize / 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NewBatchThreshold >= BatchSize)
        {
            yield return new ValidationResult(
                $"NewBatchThreshold ({NewBatchThreshold}) must be below BatchSize ({BatchSize}): at most BatchSize messages are in flight.",
                [nameof(NewBatchThreshold)]);
        }

        if (MaxVisibilityTimeout < VisibilityTimeout)
        {
            yield return new ValidationResult(
                $"MaxVisibilityTimeout ({MaxVisibilityTimeout}) must not be below VisibilityTimeout ({VisibilityTimeout}).",
                [nameof(MaxVisibilityTimeout)]);
        }
    }
}
