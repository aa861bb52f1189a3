using System.Collections.Concurrent;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Customers;

/// <summary>
/// The campaign messages sent (or tried) to one customer, newest first. Both hosts write every send to the ledger
/// before the provider call (the self-host runner and the Durable activities share <see cref="LedgeredSender"/>), so
/// the ledger answers in both, with a provider or with the outbox. Its rows are keyed by instance id, which derives
/// from (customer, campaign): one range read per campaign definition, each touching only this customer's rows, plus a
/// point read of the outbox per message the outbox took, or of the SMS delivery log per SMS a provider took. Nothing
/// is scanned.
/// </summary>
public sealed class CustomerMessageQueries(ICampaignDefinitionStore definitions, ISendHistory history, IOutbox outbox, ISmsDeliveryLog deliveries)
{
    private const string OutboxPrefix = "outbox:";
    private const int Parallelism = 4;

    public async Task<IReadOnlyList<CustomerMessage>> ListAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var campaigns = await definitions.ListAsync(cancellationToken);
        var messages = new ConcurrentBag<CustomerMessage>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(campaigns, options, async (campaign, ct) =>
        {
            foreach (var send in await history.ListAsync(CampaignInstanceId.For(customerId, campaign.Id), ct))
            {
                messages.Add(await DescribeAsync(campaign, send, ct));
            }
        });

        return [.. messages.OrderByDescending(m => m.At).ThenBy(m => m.SendId, StringComparer.Ordinal)];
    }

    private async Task<CustomerMessage> DescribeAsync(CampaignDefinition campaign, RecordedSend send, CancellationToken cancellationToken)
    {
        var entry = send.Entry;
        var colon = entry.SendId.IndexOf(':', StringComparison.Ordinal);
        var stepId = colon < 0 ? string.Empty : entry.SendId[(colon + 1)..];
        var message = new CustomerMessage(
            entry.SendId,
            campaign.Id,
            campaign.Name,
            stepId,
            entry.Channel.ToString().ToLowerInvariant(),
            entry.Status.ToString().ToLowerInvariant(),
            entry.Attempt,
            send.UpdatedAt,
            "provider",
            entry.Result?.ProviderMessageId,
            entry.Result?.ErrorCode,
            entry.Result?.Detail);
        if (entry.Result?.ProviderMessageId is not { } providerId)
        {
            return message;
        }

        if (!providerId.StartsWith(OutboxPrefix, StringComparison.Ordinal))
        {
            return entry.Channel == MessageChannel.Sms && await deliveries.GetAsync(entry.SendId, cancellationToken) is { } delivery
                ? message with { Delivery = delivery.Status }
                : message;
        }

        var recorded = await outbox.GetAsync(entry.SendId, cancellationToken);
        return recorded is null
            ? message with { Via = "outbox" }
            : message with { Via = "outbox", At = recorded.RecordedAt, To = recorded.To, Subject = recorded.Subject, Body = recorded.Body, TemplateId = recorded.TemplateId };
    }
}
