using System.Security.Cryptography;
using System.Text;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// The frequency caps as a reservation taken before the provider call, so they hold across campaigns and runners
/// (the decider's check reads a context that may be stale by the time the send goes out). A send reserves its
/// recipient's channel until now + the channel's interval with one conditional write; the loser of a race (412, or a
/// row held by another send) is told when the window ends and waits until then. On the outcome the reservation is
/// kept (sent, or maybe sent) or released (nothing went out), so a failed send does not block the next one.
/// <para>Keyed by recipient, not customer: two records sharing an address share its cap. The key is a hash, so the
/// table holds no address.</para>
/// </summary>
public sealed class FrequencyCaps(IChannelReservationStore store, IOptions<CampaignOptions> options)
{
    private readonly CampaignOptions caps = options.Value;

    public static string KeyFor(MessageChannel channel, string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var normal = channel == MessageChannel.Email ? address.Trim().ToLowerInvariant() : address.Trim();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normal));
        return (channel == MessageChannel.Email ? "email-" : "sms-") + Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>
    /// Reserves <paramref name="channel"/> of <paramref name="address"/> for <paramref name="sendId"/>: held when it
    /// now holds it (again: a send that holds it may re-enter), else busy until the instant the current window ends.
    /// </summary>
    public async Task<CapReservation> ReserveAsync(
        MessageChannel channel, string address, string sendId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var interval = Interval(channel);
        if (interval <= TimeSpan.Zero)
        {
            return CapReservation.Free;
        }

        var key = KeyFor(channel, address);
        while (true)
        {
            var current = await store.GetAsync(key, cancellationToken);
            var row = current?.Value;
            if (row is not null && !string.Equals(row.Holder, sendId, StringComparison.Ordinal))
            {
                var busyUntil = Later(row.HeldUntil, row.LastSentAt + interval);
                if (busyUntil > now)
                {
                    return new CapReservation(busyUntil, null);
                }
            }

            var mine = new ChannelReservation(key, sendId, now + interval, row?.LastSentAt);
            var etag = current is null
                ? await store.TryInsertAsync(mine, cancellationToken)
                : await store.TryReplaceAsync(mine, current.ETag, cancellationToken);
            if (etag is not null)
            {
                return new CapReservation(null, new Versioned<ChannelReservation>(mine, etag));
            }
        }
    }

    /// <summary>
    /// The send went out (or may have): its window runs from <paramref name="at"/>. <paramref name="held"/> is the row
    /// the reservation wrote: written over if unchanged since, else read again.
    /// </summary>
    public Task KeepAsync(
        MessageChannel channel, string address, string sendId, DateTimeOffset at, Versioned<ChannelReservation>? held, CancellationToken cancellationToken) =>
        UpdateAsync(channel, address, sendId, held, row => row with { HeldUntil = at + Interval(channel), LastSentAt = Later(row.LastSentAt, at) }, cancellationToken);

    /// <summary>Nothing went out: the next send may have the channel at once.</summary>
    public Task ReleaseAsync(MessageChannel channel, string address, string sendId, Versioned<ChannelReservation>? held, CancellationToken cancellationToken) =>
        UpdateAsync(channel, address, sendId, held, row => row with { Holder = null, HeldUntil = null }, cancellationToken);

    private async Task UpdateAsync(
        MessageChannel channel, string address, string sendId, Versioned<ChannelReservation>? held,
        Func<ChannelReservation, ChannelReservation> change, CancellationToken cancellationToken)
    {
        if (Interval(channel) <= TimeSpan.Zero)
        {
            return;
        }

        // The If-Match makes this as safe as the read below: it only succeeds while the row is still the one we hold.
        if (held is not null && string.Equals(held.Value.Holder, sendId, StringComparison.Ordinal)
            && await store.TryReplaceAsync(change(held.Value), held.ETag, cancellationToken) is not null)
        {
            return;
        }

        var key = KeyFor(channel, address);
        while (await store.GetAsync(key, cancellationToken) is { } current && string.Equals(current.Value.Holder, sendId, StringComparison.Ordinal))
        {
            if (await store.TryReplaceAsync(change(current.Value), current.ETag, cancellationToken) is not null)
            {
                return;
            }
        }
    }

    private TimeSpan Interval(MessageChannel channel) => channel == MessageChannel.Email ? caps.EmailMinInterval : caps.SmsMinInterval;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}
