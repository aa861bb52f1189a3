using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Ingest;

public static class IngestEnvelopeSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(IngestEnvelope envelope) => JsonSerializer.Serialize(envelope, Options);

    /// <summary>One queue message for serialised envelopes: the envelope itself when alone, else a JSON array of them.</summary>
    public static string Combine(IEnumerable<string> envelopeTexts)
    {
        var texts = envelopeTexts as IReadOnlyList<string> ?? [.. envelopeTexts];
        return texts.Count == 1 ? texts[0] : "[" + string.Join(",", texts) + "]";
    }

    /// <summary>The serialised envelopes a queue message holds (see <see cref="Combine"/>); each still to be deserialised.</summary>
    /// <exception cref="InvalidIngestMessageException">The text is neither an envelope nor an array of them.</exception>
    public static IReadOnlyList<string> Split(string messageText)
    {
        if (!messageText.AsSpan().TrimStart().StartsWith("["))
        {
            return [messageText];
        }

        try
        {
            using var document = JsonDocument.Parse(messageText);
            var texts = document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
            return texts.Count > 0 ? texts : throw new InvalidIngestMessageException("The message is an empty array of envelopes.");
        }
        catch (JsonException ex)
        {
            throw new InvalidIngestMessageException("The message is not valid envelope JSON: " + ex.Message);
        }
    }

    /// <exception cref="InvalidIngestMessageException">The text is not an envelope.</exception>
    public static IngestEnvelope Deserialize(string text)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<IngestEnvelope>(text, Options);
            return envelope is { Source: not null, Headers: not null } && (envelope.Body is not null || envelope.BodyBlob is not null)
                ? envelope
                : throw new InvalidIngestMessageException("The message is not an ingest envelope: source, headers and body are required.");
        }
        catch (JsonException ex)
        {
            throw new InvalidIngestMessageException("The message is not valid envelope JSON: " + ex.Message);
        }
    }
}
