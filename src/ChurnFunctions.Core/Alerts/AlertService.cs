using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Core.Alerts;

/// <summary>Stores each new alert once per condition per day and tells staff through every configured channel.</summary>
public sealed partial class AlertService(IAlertStore store, IEnumerable<IAlertChannel> channels, ILogger<AlertService> logger)
{
    /// <summary>Returns the alerts that were new (not raised before for the same day and condition).</summary>
    public async Task<IReadOnlyList<Alert>> RaiseAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        var raised = new List<Alert>();
        foreach (var alert in alerts)
        {
            if (!await store.TryAddAsync(alert, cancellationToken))
            {
                continue;
            }

            raised.Add(alert);
            foreach (var channel in channels)
            {
                try
                {
                    await channel.DeliverAsync(alert, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The alert is stored and listed by GET /api/alerts; one failed channel must not hide it from the others.
                    LogDeliveryFailed(logger, alert.Condition, channel.Name, ex);
                }
            }
        }

        return raised;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Condition} could not be delivered through {Channel}")]
    private static partial void LogDeliveryFailed(ILogger logger, string condition, string channel, Exception exception);
}
