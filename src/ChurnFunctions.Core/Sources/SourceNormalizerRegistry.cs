using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources;

/// <summary>
/// Finds the normaliser of a source by name, case-insensitively ("Shopify" and "shopify" alike). What it hands out
/// also holds every delivery to <see cref="IntakeLimits"/> (see <see cref="GuardedNormalizer"/>).
/// </summary>
public sealed class SourceNormalizerRegistry
{
    private readonly Dictionary<string, ISourceNormalizer> bySource;

    /// <exception cref="ArgumentException">Two normalisers claim the same source.</exception>
    public SourceNormalizerRegistry(IEnumerable<ISourceNormalizer> normalizers)
    {
        bySource = new Dictionary<string, ISourceNormalizer>(StringComparer.OrdinalIgnoreCase);
        foreach (var normalizer in normalizers)
        {
            if (!bySource.TryAdd(normalizer.Source, normalizer as GuardedNormalizer ?? new GuardedNormalizer(normalizer)))
            {
                throw new ArgumentException($"Two normalizers are registered for source '{normalizer.Source}'.", nameof(normalizers));
            }
        }
    }

    public IReadOnlyCollection<string> Sources => bySource.Keys;

    public bool TryGet(string? source, out ISourceNormalizer normalizer)
    {
        normalizer = null!;
        return source is not null && bySource.TryGetValue(source.Trim(), out normalizer!);
    }

    /// <exception cref="KeyNotFoundException">No normaliser handles <paramref name="source"/>.</exception>
    public ISourceNormalizer Get(string source) =>
        TryGet(source, out var normalizer) ? normalizer : throw new KeyNotFoundException($"No normalizer for source '{source}'.");
}
