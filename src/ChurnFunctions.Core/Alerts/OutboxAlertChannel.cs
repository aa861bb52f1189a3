using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Alerts;

/// <summary>With no staff address, number or webhook configured, alert digests are recorded in the outbox.</summary>
public sealed class OutboxAlertChannel(IOutbox outbox, TimeProvider time) : IAlertChannel
{
    public string Name => "outbox";

    public Task DeliverAsync(AlertDigest digest, CancellationToken cancellationToken) =>
        outbox.RecordAsync(new OutboxEntry(AlertSendId.For(digest, Name), "alert", "staff", digest.Title, digest.Body, time.GetUtcNow()), cancellationToken);
}
