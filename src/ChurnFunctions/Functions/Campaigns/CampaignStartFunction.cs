using System.Collections.Concurrent;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>
/// "campaign-starts" -> a <see cref="CampaignOrchestrator"/> under the deterministic <see cref="CampaignInstanceId"/>,
/// unless that instance exists (running or finished): one instance per (customer, campaign, run key), as in the self-host.
/// A message may carry a batch of starts from an enrollment pass (<see cref="StartBatchMessage"/>): each is started the
/// same way, a few at once; if any failed the message fails and comes back, where the ones started are left alone.
/// Failures surface: the queue retries, then poisons.
/// </summary>
public sealed class CampaignStartFunction
{
    [Function("CampaignStart")]
    public async Task Run(
        [QueueTrigger(Triggers.CampaignStartsQueue, Connection = Triggers.StorageConnection)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (StartBatchMessage.TryParse(message) is not { } batch)
        {
            var start = Json.Read<CampaignStartMessage>(message);
            await StartAsync(client, start.CampaignId, start.CustomerId, start.RunKey, cancellationToken);
            return;
        }

        var failures = new ConcurrentQueue<Exception>();
        await Parallel.ForEachAsync(
            batch.Starts,
            new ParallelOptions { MaxDegreeOfParallelism = ICampaignStarter.DefaultParallelism, CancellationToken = cancellationToken },
            async (start, ct) =>
            {
                try
                {
                    await StartAsync(client, start.CampaignId, start.CustomerId, start.RunKey, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Enqueue(e);
                }
            });
        if (!failures.IsEmpty)
        {
            throw new AggregateException($"{failures.Count} of {batch.Starts.Count} queued starts failed.", failures);
        }
    }

    private static async Task StartAsync(DurableTaskClient client, string campaignId, string customerId, string? runKey, CancellationToken cancellationToken)
    {
        var instanceId = CampaignInstanceId.For(customerId, campaignId, runKey);
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return;
        }

        await client.ScheduleNewOrchestrationInstanceAsync(
            CampaignOrchestrator.Name,
            CampaignOrchestration.Start(campaignId, customerId, runKey),
            new StartOrchestrationOptions(instanceId),
            cancellationToken);
    }
}
