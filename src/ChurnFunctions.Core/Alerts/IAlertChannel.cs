namespace ChurnFunctions.Core.Alerts;

/// <summary>One way of telling staff: email, SMS, a Teams/Slack incoming webhook, or the local outbox.</summary>
public interface IAlertChannel
{
    string Name { get; }

    Task DeliverAsync(AlertDigest digest, CancellationToken cancellationToken);
}
