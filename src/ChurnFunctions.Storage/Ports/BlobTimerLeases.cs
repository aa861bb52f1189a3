using System.Globalization;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Storage.Blobs;

namespace ChurnFunctions.Storage.Ports;

/// <summary>
/// <see cref="ITimerLeases"/> as the Functions host keeps its singleton locks: a blob lease on one empty blob per timer
/// (<c>churn-locks/timers/{timer}</c>), the last occurrence run kept in that blob's metadata. The record is written
/// under the lease before it is released, and read after a lease is acquired, so the next holder always sees it.
/// </summary>
public sealed class BlobTimerLeases : ITimerLeases
{
    public const string ContainerName = "churn-locks";

    private const string LastRunKey = "lastrun";

    private readonly BlobClient _container;
    private readonly CreateOnce _created;

    public BlobTimerLeases(StorageAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _container = account.GetBlobClient(ContainerName);
        _created = new CreateOnce(_container.CreateContainerIfNotExistsAsync);
    }

    public static string BlobName(string timerName) => $"timers/{timerName}";

    public async Task<TimerLease?> TryAcquireAsync(string timerName, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timerName);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = BlobName(timerName);

        // Creating first (a no-op once it exists) rather than on a 404 keeps the hot path at one request per try.
        await _container.CreateIfNotExistsAsync(blob, cancellationToken).ConfigureAwait(false);
        var leaseId = await _container.AcquireLeaseAsync(blob, duration, cancellationToken).ConfigureAwait(false);
        if (leaseId is null)
        {
            return null;
        }

        var metadata = await _container.GetMetadataAsync(blob, cancellationToken).ConfigureAwait(false);
        var lastRun = metadata is not null && metadata.TryGetValue(LastRunKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                ? parsed
                : (DateTimeOffset?)null;
        return new TimerLease(timerName, leaseId, lastRun);
    }

    public Task<bool> RenewAsync(TimerLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return _container.RenewLeaseAsync(BlobName(lease.TimerName), lease.LeaseId, cancellationToken);
    }

    public Task<bool> RecordRunAsync(TimerLease lease, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var latest = lease.LastRun is { } last && last > occurrence ? last : occurrence;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LastRunKey] = latest.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        return _container.SetMetadataAsync(BlobName(lease.TimerName), metadata, lease.LeaseId, cancellationToken);
    }

    public Task ReleaseAsync(TimerLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return _container.ReleaseLeaseAsync(BlobName(lease.TimerName), lease.LeaseId, cancellationToken);
    }
}
