using ChurnFunctions.Core.Campaigns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>
/// "campaign-starts" -> a <see cref="CampaignOrchestrator"/> under the deterministic <see cref="CampaignInstanceId"/>,
/// unless that instance exists (running or finished): one instance per (customer, campaign, run key), as in the self-host.
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
        var start = Json.Read<CampaignStartMessage>(message);
        var instanceId = CampaignInstanceId.For(start.CustomerId, start.CampaignId, start.RunKey);
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return;
        }

        await client.ScheduleNewOrchestrationInstanceAsync(
            CampaignOrchestrator.Name,
            CampaignOrchestration.Start(start.CampaignId, start.CustomerId, start.RunKey),
            new StartOrchestrationOptions(instanceId),
            cancellationToken);
    }
}
