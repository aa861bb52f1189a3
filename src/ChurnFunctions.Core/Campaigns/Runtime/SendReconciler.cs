using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// Provider events name our send id (SendGrid's custom arg send_id). Any event for a send means the provider has the
/// message, so a send whose answer was lost (uncertain), or whose runner died during the call (pending), is marked
/// sent: the <see cref="LedgeredSender"/> then answers it from the ledger instead of sending it again.
/// </summary>
public sealed class SendReconciler(ISendLedger ledger, ILogger<SendReconciler> logger)
{
    public async Task ConfirmAsync(string sendId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sendId);
        while (await ledger.GetAsync(sendId, cancellationToken) is { } current
            && current.Value.Status is SendLedgerStatus.Uncertain or SendLedgerStatus.Pending)
        {
            var confirmed = current.Value with
            {
                Status = SendLedgerStatus.Sent,
                Result = new SendResult(SendStatus.Sent, current.Value.Result?.ProviderMessageId, "reconciled", "Confirmed by a provider event"),
            };
            if (await ledger.TryReplaceAsync(confirmed, current.ETag, cancellationToken) is not null)
            {
                RuntimeLogs.Reconciled(logger, sendId);
                return;
            }
        }
    }
}
