using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources;

/// <summary>
/// A source's normaliser as the registry hands it out: a field no reader can take (<see cref="InvalidFieldException"/>)
/// becomes a field error instead of an exception, and every transaction is held to <see cref="IntakeLimits"/>. Both
/// the HTTP side and the queue side go through it, so the HTTP side refuses exactly what storage would.
/// </summary>
internal sealed class GuardedNormalizer(ISourceNormalizer inner) : ISourceNormalizer
{
    public ISourceNormalizer Inner => inner;

    public string Source => inner.Source;

    public IReadOnlyList<string> ContentTypes => inner.ContentTypes;

    public IReadOnlyList<string> KeptHeaders => inner.KeptHeaders;

    public SignatureCheck Verify(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body) => inner.Verify(headers, body);

    public NormalizationResult Normalize(IngestEnvelope envelope)
    {
        try
        {
            return IntakeLimits.Apply(inner.Normalize(envelope));
        }
        catch (InvalidFieldException ex)
        {
            return NormalizationResult.Invalid(ex.Field, ex.Message);
        }
    }
}
