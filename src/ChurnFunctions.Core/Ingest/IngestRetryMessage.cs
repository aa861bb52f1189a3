using System.Globalization;
using System.Text.Json;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// An ingest message as the handler reads it: the deliveries it holds and the attempts they have had before this
/// message. A first delivery is an envelope or an array of them (<see cref="IngestEnvelopeSerializer.Combine"/>); a
/// retry the handler put back is <c>{"attemptsMade":n,"deliveries":[...]}</c>. The deliveries inside a retry are the
/// original envelope texts, so a poison entry holds exactly what was received and a replay starts from attempt 1.
/// </summary>
public sealed record IngestRetryMessage(int AttemptsMade, IReadOnlyList<string> Deliveries)
{
    // The handler writes retries itself, always starting with this; an envelope starts with its source.
    private const string Prefix = "{\"attemptsMade\":";

    /// <exception cref="InvalidIngestMessageException">The text is not an ingest message.</exception>
    public static IngestRetryMessage Read(string messageText)
    {
        if (!messageText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new IngestRetryMessage(0, IngestEnvelopeSerializer.Split(messageText));
        }

        try
        {
            using var document = JsonDocument.Parse(messageText);
            var root = document.RootElement;
            var attempts = root.GetProperty("attemptsMade").GetInt32();
            var deliveries = root.GetProperty("deliveries").EnumerateArray().Select(e => e.GetRawText()).ToList();
            return attempts >= 0 && deliveries.Count > 0
                ? new IngestRetryMessage(attempts, deliveries)
                : throw new InvalidIngestMessageException("The retry message has no deliveries or a negative attempt count.");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidIngestMessageException("The message is not a valid ingest retry: " + ex.Message);
        }
    }

    /// <summary>The message text of a retry of these deliveries after <see cref="AttemptsMade"/> attempts.</summary>
    public string Write() => Prefix + AttemptsMade.ToString(CultureInfo.InvariantCulture) + ",\"deliveries\":[" + string.Join(",", Deliveries) + "]}";
}
