using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Functions.Campaigns;
using ChurnFunctions.Functions.Tests.Durable.Hosting;
using ChurnFunctions.Testing;
using Microsoft.DurableTask.Client;

namespace ChurnFunctions.Functions.Tests.Durable;

/// <summary>
/// The app's <see cref="CampaignOrchestrator"/> on the Durable Task Azure Storage backend (control and work-item
/// queues, history and instance tables, partition leases) on Azurite: the backend Durable Functions uses in Azure.
/// </summary>
[Collection(DurableAzuriteCollection.Name)]
public sealed class CampaignOrchestratorAzureStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Email_wait_sms_runs_on_the_azure_storage_backend_and_sends_each_message_once()
    {
        var scenario = new DurableScenario("dts", 6, TimeSpan.FromSeconds(1));
        await using var rig = await DurableCampaignRig.StartAsync(
            azurite, backend: () => AzureStorageBackend.CreateAsync(azurite.ConnectionString, AzureStorageBackend.NewTaskHubName("campaigns")));
        await rig.SeedAsync(scenario);

        await rig.StartAllAsync(scenario);

        for (var i = 1; i < scenario.Customers.Count; i++)
        {
            var done = await rig.CompletionAsync(scenario.InstanceId(i), TimeSpan.FromSeconds(120));
            if (DurableScenario.ExpectsEmail(i) && DurableScenario.ExpectsSms(i))
            {
                Assert.Equal(nameof(CompletionReason.StepsFinished), done.ReadOutputAs<string>());
            }
        }

        for (var i = 0; i < scenario.Customers.Count; i++)
        {
            Assert.Equal(DurableScenario.ExpectsEmail(i) ? 1 : 0, rig.EmailsTo(scenario.SendId(i, "email1")));
            Assert.Equal(DurableScenario.ExpectsSms(i) ? 1 : 0, rig.SmsTo(scenario.SendId(i, "sms1")));
        }

        var deferred = await DurableCampaignRig.EventuallyAsync(
            () => rig.Client.GetInstanceAsync(scenario.InstanceId(0), getInputsAndOutputs: true),
            m => m?.SerializedCustomStatus is not null);
        Assert.Equal(OrchestrationRuntimeStatus.Running, deferred!.RuntimeStatus);
        Assert.True(deferred.ReadCustomStatusAs<DateTimeOffset?>() > DateTimeOffset.UtcNow.AddHours(1));
        await rig.Client.TerminateInstanceAsync(scenario.InstanceId(0));
    }
}
