using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Functions.Privacy;
using ChurnFunctions.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>
/// Erasure in the Functions app reaches the Durable task hub: the erasure queues the customer's id on
/// "campaign-purges", and CampaignPurgeFunction, bound to the Durable client, terminates and purges their orchestrations.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EraseCustomerFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private FunctionApp app = null!;

    public async Task InitializeAsync()
    {
        app = FunctionApp.Create(azurite.ConnectionString);
        var saved = await app.InvokeHttpAsync("SaveCampaign", FunctionRequest.Json("POST", Triggers.CampaignsRoute, $$"""
            {
              "id": "erase-{{run}}",
              "name": "Erasure test {{run}}",
              "enabled": false,
              "trigger": { "type": "fixedDate", "date": "2026-03-01" },
              "steps": [ { "type": "sendEmail", "id": "hello", "templateId": "d-hello" } ]
            }
            """, new Dictionary<string, string> { ["x-api-key"] = FunctionSettings.ApiKey }));
        Assert.Equal(201, saved.Status);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Erasing_a_customer_terminates_and_purges_their_campaign_orchestrations()
    {
        var customerId = "c-" + run;
        var prefix = CampaignInstanceId.For(customerId, "erase-" + run);
        var running = CampaignInstanceId.For(customerId, "erase-" + run, "d20260301");
        var client = app.DurableClient;
        client.Setup(c => c.GetAllInstancesAsync(It.Is<OrchestrationQuery?>(q => q != null && q.InstanceIdPrefix == prefix)))
            .Returns(Pageable.Create((string? _, int? _, CancellationToken _) => Task.FromResult(new Page<OrchestrationMetadata>(
                [
                    new OrchestrationMetadata("CampaignOrchestrator", running) { RuntimeStatus = OrchestrationRuntimeStatus.Running },
                    new OrchestrationMetadata("CampaignOrchestrator", prefix) { RuntimeStatus = OrchestrationRuntimeStatus.Completed },
                ],
                null))));
        client.Setup(c => c.WaitForInstanceCompletionAsync(running, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata("CampaignOrchestrator", running) { RuntimeStatus = OrchestrationRuntimeStatus.Terminated });
        client.Setup(c => c.PurgeInstanceAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PurgeResult(1));

        var response = await app.InvokeHttpAsync("EraseCustomer", Erase(customerId, FunctionSettings.ApiKey));
        Assert.True(response.Status == 200, response.ToString());

        await QueueTriggerDriver.TakeAsync(app, Triggers.CampaignPurgesQueue, text => text.Contains(customerId, StringComparison.Ordinal),
            message => app.Create<CampaignPurgeFunction>().Run(message.Text, client.Object, CancellationToken.None));

        client.Verify(c => c.TerminateInstanceAsync(running, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
        client.Verify(c => c.TerminateInstanceAsync(prefix, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
        client.Verify(c => c.PurgeInstanceAsync(running, It.IsAny<CancellationToken>()), Times.Once);
        client.Verify(c => c.PurgeInstanceAsync(prefix, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_refused_erasure_touches_no_orchestration()
    {
        var response = await app.InvokeHttpAsync("EraseCustomer", Erase("c-" + run, "not-the-admin-key-at-all"));

        Assert.Equal(401, response.Status);
        var queue = app.Services.GetRequiredService<IMessageQueueFactory>().Get(Triggers.CampaignPurgesQueue);
        await queue.CreateIfNotExistsAsync(CancellationToken.None);
        var waiting = await queue.ReceiveAsync(32, TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.DoesNotContain(waiting, m => m.Text.Contains("c-" + run, StringComparison.Ordinal));
    }

    private static FunctionRequest Erase(string customerId, string key) => new("DELETE", Triggers.CustomerRoute)
    {
        RouteValues = new Dictionary<string, string> { ["id"] = customerId },
        Headers = new Dictionary<string, string> { ["x-api-key"] = key },
    };
}
