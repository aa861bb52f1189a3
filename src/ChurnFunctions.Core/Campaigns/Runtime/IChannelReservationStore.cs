using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// One row per (channel, recipient) with ETag concurrency. <see cref="FrequencyCaps"/> holds the protocol (reserve
/// before the provider call, keep or release on the outcome); the store only reads and writes rows.
/// </summary>
public interface IChannelReservationStore
{
    Task<Versioned<ChannelReservation>?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>The new ETag, or null when a row exists.</summary>
    Task<string?> TryInsertAsync(ChannelReservation reservation, CancellationToken cancellationToken);

    /// <summary>The new ETag, or null when the stored ETag is no longer <paramref name="etag"/> (412).</summary>
    Task<string?> TryReplaceAsync(ChannelReservation reservation, string etag, CancellationToken cancellationToken);
}
