using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Ports;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary><see cref="ICampaignEvents"/> of the Functions host: queues the input for <see cref="CampaignEventFunction"/>.</summary>
public sealed class QueuedCampaignEvents(IMessageQueueFactory queues) : ICampaignEvents
{
    private volatile bool created;

    public async Task RaiseAsync(string customerId, CampaignInput input, CancellationToken cancellationToken)
    {
        var queue = queues.Get(Triggers.CampaignEventsQueue);
        if (!created)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken);
            created = true;
        }

        await queue.SendAsync(Json.Write(new CampaignEventMessage(customerId, input)), null, cancellationToken);
    }
}
