using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Tests.Fakes;

/// <summary>A normaliser whose answers a test sets (Moq cannot match the span parameter of Verify).</summary>
internal sealed class FakeNormalizer : ISourceNormalizer
{
    public string Source => "test";

    public IReadOnlyList<string> ContentTypes => ["application/json"];

    public IReadOnlyList<string> KeptHeaders => ["X-Topic"];

    public SignatureCheck Signature { get; set; } = SignatureCheck.Valid;

    public int VerifyCalls { get; private set; }

    public Func<IngestEnvelope, NormalizationResult> OnNormalize { get; set; } = _ => NormalizationResult.Of();

    public SignatureCheck Verify(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        VerifyCalls++;
        return Signature;
    }

    public NormalizationResult Normalize(IngestEnvelope envelope) => OnNormalize(envelope);
}
