namespace ChurnFunctions.Core.Ingest;

/// <summary>What processing a delivery did: transactions newly stored, and those seen before (nothing written).</summary>
public sealed record IngestOutcome(int Stored, int Duplicates)
{
    public static readonly IngestOutcome None = new(0, 0);

    public IngestOutcome Add(IngestOutcome other) => new(Stored + other.Stored, Duplicates + other.Duplicates);
}
