namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// One transaction source: how its deliveries are authenticated, which headers travel on the queue, and how its
/// payload becomes transactions. Verification runs on the HTTP side before anything is enqueued; normalisation on
/// the queue side. Normalise also validates: a delivery it cannot read returns <see cref="NormalizationResult.Errors"/>.
/// </summary>
public interface ISourceNormalizer
{
    string Source { get; }

    /// <summary>The content types the source sends (compared without parameters such as charset).</summary>
    IReadOnlyList<string> ContentTypes { get; }

    /// <summary>The request headers to keep in the envelope (signatures are not kept: they were checked already).</summary>
    IReadOnlyList<string> KeptHeaders { get; }

    SignatureCheck Verify(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body);

    NormalizationResult Normalize(IngestEnvelope envelope);
}
