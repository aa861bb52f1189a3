namespace ChurnFunctions.Core.Sources;

/// <summary>
/// A field whose value no lenient reading can turn into something storable (an unpaired surrogate escape, an amount
/// out of range). Thrown from deep inside a reader so it need not thread an error bag through every helper;
/// <see cref="GuardedNormalizer"/> turns it into a field error.
/// </summary>
internal sealed class InvalidFieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
