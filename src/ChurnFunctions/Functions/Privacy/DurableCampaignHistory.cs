using ChurnFunctions.Core.Campaigns;
using Microsoft.DurableTask.Client;

namespace ChurnFunctions.Functions.Privacy;

/// <summary>
/// Erasure in the Functions app also reaches the Durable task hub: a customer's campaign orchestrations keep, in their
/// history, the customer context the load activity returned (contacts included). Each one (one per campaign, or per
/// run key of a recurring one; all share the campaign's first instance id as a prefix) is terminated while running
/// and then purged. The self-host keeps instances in tables, which the erasure itself deletes.
/// </summary>
public sealed class DurableCampaignHistory(ICampaignDefinitionStore definitions)
{
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(30);

    /// <returns>How many instances were purged.</returns>
    public async Task<int> PurgeAsync(DurableTaskClient client, string customerId, CancellationToken cancellationToken)
    {
        var purged = 0;
        foreach (var definition in await definitions.ListAsync(cancellationToken))
        {
            var query = new OrchestrationQuery { InstanceIdPrefix = CampaignInstanceId.For(customerId, definition.Id), FetchInputsAndOutputs = false };
            await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            {
                if (instance.IsRunning)
                {
                    // A purge leaves a running instance alone: it must reach a terminal state first.
                    await client.TerminateInstanceAsync(instance.InstanceId, "customer erased", cancellationToken);
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    wait.CancelAfter(TerminationWait);
                    await client.WaitForInstanceCompletionAsync(instance.InstanceId, wait.Token);
                }

                purged += (await client.PurgeInstanceAsync(instance.InstanceId, cancellationToken)).PurgedInstanceCount;
            }
        }

        return purged;
    }
}
