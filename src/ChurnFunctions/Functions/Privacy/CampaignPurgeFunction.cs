using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Privacy;

/// <summary>"campaign-purges" -> every campaign orchestration of the erased customers, terminated and purged.</summary>
public sealed class CampaignPurgeFunction(DurableCampaignHistory history)
{
    [Function("CampaignPurge")]
    public async Task Run(
        [QueueTrigger(Triggers.CampaignPurgesQueue, Connection = Triggers.StorageConnection)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var purge = JsonSerializer.Deserialize<CampaignPurgeMessage>(message, JsonSerializerOptions.Web)
            ?? throw new JsonException("No customer ids in the purge message.");
        foreach (var customerId in purge.CustomerIds)
        {
            await history.PurgeAsync(client, customerId, cancellationToken);
        }
    }
}
