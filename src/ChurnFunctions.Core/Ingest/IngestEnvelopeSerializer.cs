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
