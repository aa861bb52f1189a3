using ChurnFunctions.Core.Campaigns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>
/// "campaign-events" -> the customer's running orchestrations: a purchase as the "purchase" event, anything else as
/// "input". Instance ids start with the campaign id, so the running ones are found by one status read per defined
/// campaign (a handful), not by a query over all instances.
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
            if (await client.GetInstanceAsync(instanceId, cancellationToken) is { IsRunning: true })
            {
                await client.RaiseEventAsync(instanceId, eventName, Json.Write(received.Input), cancellationToken);
            }
        }
    }
}
