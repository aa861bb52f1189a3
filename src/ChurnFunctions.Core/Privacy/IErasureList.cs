namespace ChurnFunctions.Core.Privacy;

/// <summary>Identity hashes of erased people: ingest creates no customer and campaigns send nothing to them.</summary>
public interface IErasureList
{
    Task AddAsync(IReadOnlyList<string> hashes, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When the latest of these hashes was erased, or null when none is on the list.</summary>
    Task<DateTimeOffset?> ErasedAtAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken);

    /// <summary>Takes the hashes off the list: the person gave consent again.</summary>
    Task RemoveAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken);
}
