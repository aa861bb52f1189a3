using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Enrollment;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>
/// "campaign-events" -> the customer's running orchestrations: a purchase as the "purchase" event, anything else as
/// "input". Instance ids start with the campaign id, so the running ones are found by one status read per defined
/// campaign (a handful), not by a query over all instances; a recurring campaign's runs share the id of the
/// campaign's first form as a prefix, so they take one prefix query of that customer's runs.
/// </summary>
public sealed class CampaignEventFunction(ICampaignDefinitionStore definitions)
{
    [Function("CampaignEvent")]
    public async Task Run(
        [QueueTrigger(Triggers.CampaignEventsQueue, Connection = Triggers.StorageConnection)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var received = Json.Read<CampaignEventMessage>(message);
        var eventName = received.Input is PurchaseObserved ? CampaignOrchestrator.PurchaseEvent : CampaignOrchestrator.InputEvent;
        foreach (var definition in await definitions.ListAsync(cancellationToken))
        {
            var instanceId = CampaignInstanceId.For(received.CustomerId, definition.Id);
            if (!TriggerEvaluator.Recurs(definition))
            {
                if (await client.GetInstanceAsync(instanceId, cancellationToken) is { IsRunning: true })
                {
                    await client.RaiseEventAsync(instanceId, eventName, Json.Write(received.Input), cancellationToken);
                }

                continue;
            }

            var query = new OrchestrationQuery { InstanceIdPrefix = instanceId, Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending] };
            await foreach (var run in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            {
                await client.RaiseEventAsync(run.InstanceId, eventName, Json.Write(received.Input), cancellationToken);
            }
        }
    }
}
