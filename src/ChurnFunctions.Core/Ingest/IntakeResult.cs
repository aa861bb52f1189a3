namespace ChurnFunctions.Core.Ingest;

/// <summary>The HTTP side's verdict on a delivery; <see cref="Detail"/> is safe to show the caller.</summary>
public sealed record IntakeResult(IntakeStatus Status, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static readonly IntakeResult Accepted = new(IntakeStatus.Accepted);
}
