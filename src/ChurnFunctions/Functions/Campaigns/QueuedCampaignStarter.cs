using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ports;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>
/// <see cref="ICampaignStarter"/> of the Functions host: queues the start for <see cref="CampaignStartFunction"/>
/// (the Durable client is a binding, not a service). True means queued; the start function drops an existing instance.
/// An enrollment pass queues its starts 64 to a message. This starter cannot see which instances exist, so a dry run
/// lists every match and a real run queues every match (the start function leaves the existing ones alone).
/// </summary>
public sealed class QueuedCampaignStarter(IMessageQueueFactory queues) : ICampaignStarter
{
    private volatile bool created;

    public Task<bool> StartAsync(string campaignId, string customerId, CancellationToken cancellationToken) =>
        StartAsync(campaignId, customerId, runKey: null, cancellationToken);

    public async Task<bool> StartAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(cancellationToken);
        await queue.SendAsync(Json.Write(new CampaignStartMessage(campaignId, customerId, runKey)), null, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<CampaignStartRequest>> EnterAsync(
        IReadOnlyList<CampaignStartRequest> requests, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (!dryRun && requests.Count > 0)
        {
            var queue = await QueueAsync(cancellationToken);
            await Parallel.ForEachAsync(
                StartBatchMessage.Split(requests),
                new ParallelOptions { MaxDegreeOfParallelism = ICampaignStarter.DefaultParallelism, CancellationToken = cancellationToken },
                async (batch, ct) => await queue.SendAsync(batch.ToJson(), null, ct));
        }

        return requests;
    }

    private async Task<IMessageQueue> QueueAsync(CancellationToken cancellationToken)
    {
        var queue = queues.Get(Triggers.CampaignStartsQueue);
        if (!created)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken);
            created = true;
        }

        return queue;
    }
}
