using ChurnFunctions.Core.Sources;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// What the HTTP side puts on the ingest queue: the raw body exactly as received (so the queue handler can
/// normalise it later, and a poison entry can be replayed), the headers the normaliser needs, and when it came.
/// A body too large for a queue message travels by claim check: <see cref="BodyBlob"/> names the blob that holds it.
/// <see cref="TraceParent"/> and <see cref="TraceState"/> carry the W3C trace context of the request that queued it,
/// so the queue handler's span joins that request's trace; envelopes queued before they existed have neither.
/// </summary>
public sealed record IngestEnvelope(
    string Source,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    string? BodyBlob = null,
    string? TraceParent = null,
    string? TraceState = null)
{
    public string? Header(string name) => HeaderLookup.Find(Headers, name);
}
