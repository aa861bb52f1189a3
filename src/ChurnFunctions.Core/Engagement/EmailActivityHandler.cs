using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Core.Engagement;

/// <summary>
/// Email provider events: each once (by event id); one naming a campaign send confirms that send in the ledger (its
/// answer may have been lost: see <see cref="SendReconciler"/>); a suppressing one puts the address on the global
/// suppression list and withdraws the customer's email consent; campaign-relevant ones reach the customer's running
/// instances.
/// Failures surface (the webhook answers 503 and the provider retries); a failed event's claim is released first.
/// </summary>
public sealed partial class EmailActivityHandler(
    IProcessedEvents processed, ISuppressionList suppressions, ConsentRecorder consents, ICampaignEvents campaignEvents,
    ILogger<EmailActivityHandler> logger,
    SendReconciler? reconciler = null)
{
    public const string DedupeSource = "sendgrid";

    public async Task<EngagementResult> HandleAsync(IReadOnlyList<EmailActivity> events, CancellationToken cancellationToken)
    {
        var duplicates = 0;
        foreach (var activity in events)
        {
            if (!await processed.TryClaimAsync(DedupeSource, activity.EventId, cancellationToken))
            {
                duplicates++;
                continue;
            }

            try
            {
                await ApplyAsync(activity, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                await processed.ReleaseAsync(DedupeSource, activity.EventId, CancellationToken.None);
                throw;
            }
        }

        LogHandled(logger, events.Count, duplicates);
        return new EngagementResult(events.Count, duplicates);
    }

    private async Task ApplyAsync(EmailActivity activity, CancellationToken cancellationToken)
    {
        if (reconciler is not null && activity.SendId is { Length: > 0 } sendId)
        {
            await reconciler.ConfirmAsync(sendId, cancellationToken);
        }

        var email = ContactNormalizer.Email(activity.Email);
        var customerId = await consents.FindByEmailAsync(email, cancellationToken);
        if (activity.Suppresses && email is not null)
        {
            await suppressions.AddAsync(new SuppressionEntry(MessageChannel.Email, email, activity.Source, activity.At), cancellationToken);
            if (customerId is not null)
            {
                await consents.RecordAsync(customerId, new ConsentRecord(MessageChannel.Email, false, activity.Source, activity.At), cancellationToken);
                LogWithdrawn(logger, customerId, activity.Source);
            }
        }

        if (customerId is not null && activity.Kind is { } kind)
        {
            await campaignEvents.RaiseAsync(customerId, new EmailEvent(kind, activity.At, activity.SendId), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email events handled: {Received} received, {Duplicates} duplicates")]
    private static partial void LogHandled(ILogger logger, int received, int duplicates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email consent withdrawn for customer {CustomerId} by {ConsentSource}")]
    private static partial void LogWithdrawn(ILogger logger, string customerId, string consentSource);
}
