using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Ports;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>
/// <see cref="ICampaignStarter"/> of the Functions host: queues the start for <see cref="CampaignStartFunction"/>
/// (the Durable client is a binding, not a service). True means queued; the start function drops an existing instance.
/// </summary>
public sealed class QueuedCampaignStarter(IMessageQueueFactory queues) : ICampaignStarter
{
    private volatile bool created;

    public Task<bool> StartAsync(string campaignId, string customerId, CancellationToken cancellationToken) =>
        StartAsync(campaignId, customerId, runKey: null, cancellationToken);

    public async Task<bool> StartAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken)
    {
        var queue = queues.Get(Triggers.CampaignStartsQueue);
        if (!created)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken);
            created = true;
        }

        await queue.SendAsync(Json.Write(new CampaignStartMessage(campaignId, customerId, runKey)), null, cancellationToken);
        return true;
    }
}
