using System.Text.Json;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Privacy;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Privacy;

/// <summary>
/// <see cref="IErasureFollowUp"/> of the Functions app: every erasure (a DELETE, Shopify's customers/redact and
/// shop/redact alike) queues the erased ids for <see cref="CampaignPurgeFunction"/>, since the Durable client is a
/// binding of a function, not a service the erasure could call.
/// </summary>
public sealed class QueuedCampaignPurges(IMessageQueueFactory queues) : IErasureFollowUp
{
    private volatile bool created;

    public async Task ErasedAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken)
    {
        var queue = queues.Get(Triggers.CampaignPurgesQueue);
        if (!created)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken);
            created = true;
        }

        await queue.SendAsync(JsonSerializer.Serialize(new CampaignPurgeMessage(customerIds), JsonSerializerOptions.Web), null, cancellationToken);
    }
}

/// <summary>Internal customer ids only: no personal data travels in the queue.</summary>
public sealed record CampaignPurgeMessage(IReadOnlyList<string> CustomerIds);
