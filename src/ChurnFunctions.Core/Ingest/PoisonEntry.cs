using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// What lands in a poison queue: the original message, untouched so it can be replayed, and why it failed. A message
/// too large to travel inside the entry goes by claim check: <see cref="Message"/> is null and
/// <see cref="MessageBlob"/> names the blob holding it in the ingest-bodies container.
/// </summary>
public sealed record PoisonEntry(
    string Reason, string Error, long DequeueCount, DateTimeOffset FailedAt, string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MessageBlob = null);
