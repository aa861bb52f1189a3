using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Alerts;

/// <summary>With no staff address, number or webhook configured, alerts are recorded in the outbox.</summary>
public sealed class OutboxAlertChannel(IOutbox outbox, TimeProvider time) : IAlertChannel
{
    public string Name => "outbox";

    public Task DeliverAsync(Alert alert, CancellationToken cancellationToken) =>
        outbox.RecordAsync(new OutboxEntry(AlertSendId.For(alert, Name), "alert", "staff", alert.Title, alert.Detail, time.GetUtcNow()), cancellationToken);
}
