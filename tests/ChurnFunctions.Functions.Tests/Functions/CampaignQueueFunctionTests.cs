using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Functions.Campaigns;
using ChurnFunctions.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>
/// The campaign queue functions with a mocked Durable client, fed by the app's own <see cref="ICampaignStarter"/> and
/// <see cref="ICampaignEvents"/> through the Azurite queues: starts go under the deterministic instance id, once;
/// inputs go only to running instances.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignQueueFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Mock<DurableTaskClient> client = new("test");
    private FunctionApp app = null!;

    public Task InitializeAsync()
    {
        app = FunctionApp.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Queued_start_schedules_the_orchestrator_under_the_deterministic_instance_id()
    {
        var (campaignId, customerId) = Ids();
        var instanceId = CampaignInstanceId.For(customerId, campaignId);
        Instance(instanceId, null);

        Assert.True(await app.Services.GetRequiredService<ICampaignStarter>().StartAsync(campaignId, customerId, CancellationToken.None));
        await QueueTriggerDriver.TakeAsync(app, Triggers.CampaignStartsQueue, Both(campaignId, customerId),
            message => new CampaignStartFunction().Run(message.Text, client.Object, CancellationToken.None));

        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.Is<TaskName>(n => n.Name == CampaignOrchestrator.Name),
            It.Is<object?>(input => input is CampaignOrchestration && ((CampaignOrchestration)input).StateJson.Contains(customerId)),
            It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == instanceId),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_enrollment_pass_queues_its_starts_in_one_batch_and_each_new_instance_is_scheduled_once()
    {
        var (campaignId, customerId) = Ids();
        var requests = Enumerable.Range(0, 3).Select(i => new CampaignStartRequest(campaignId, customerId + "-" + i, i == 2 ? "p20260301" : null)).ToList();
        Instance(requests[0].InstanceId, OrchestrationRuntimeStatus.Running);
        Instance(requests[1].InstanceId, null);
        Instance(requests[2].InstanceId, null);

        var queued = await app.Services.GetRequiredService<ICampaignStarter>().EnterAsync(requests, dryRun: false, CancellationToken.None);
        var message = await QueueTriggerDriver.TakeAsync(app, Triggers.CampaignStartsQueue, Both(campaignId, customerId),
            message => new CampaignStartFunction().Run(message.Text, client.Object, CancellationToken.None));

        Assert.Equal(requests, queued);
        Assert.Equal(requests, StartBatchMessage.TryParse(message.Text)!.Starts);
        foreach (var request in requests)
        {
            client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == request.InstanceId), It.IsAny<CancellationToken>()),
                request == requests[0] ? Times.Never() : Times.Once());
        }
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    public async Task Start_of_an_existing_instance_schedules_nothing(OrchestrationRuntimeStatus status)
    {
        var (campaignId, customerId) = Ids();
        var instanceId = CampaignInstanceId.For(customerId, campaignId);
        Instance(instanceId, status);
        var message = JsonSerializer.Serialize(new CampaignStartMessage(campaignId, customerId), CampaignJson.Options);

        await new CampaignStartFunction().Run(message, client.Object, CancellationToken.None);

        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Queued_purchase_is_raised_only_to_the_customers_running_instances()
    {
        var (_, customerId) = Ids();
        var running = Definition("running-" + customerId);
        var finished = Definition("finished-" + customerId);
        var definitions = new Mock<ICampaignDefinitionStore>();
        definitions.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([running, finished]);
        Instance(CampaignInstanceId.For(customerId, running.Id), OrchestrationRuntimeStatus.Running);
        Instance(CampaignInstanceId.For(customerId, finished.Id), OrchestrationRuntimeStatus.Completed);
        var purchase = new PurchaseObserved(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), 30m);

        await app.Services.GetRequiredService<ICampaignEvents>().RaiseAsync(customerId, purchase, CancellationToken.None);
        await QueueTriggerDriver.TakeAsync(app, Triggers.CampaignEventsQueue, text => text.Contains(customerId, StringComparison.Ordinal),
            message => new CampaignEventFunction(definitions.Object).Run(message.Text, client.Object, CancellationToken.None));

        client.Verify(c => c.RaiseEventAsync(
            CampaignInstanceId.For(customerId, running.Id),
            CampaignOrchestrator.PurchaseEvent,
            It.Is<object?>(payload => payload is string && ((string)payload).Contains("30")),
            It.IsAny<CancellationToken>()), Times.Once);
        client.Verify(c => c.RaiseEventAsync(CampaignInstanceId.For(customerId, finished.Id), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Queued_purchase_is_raised_to_every_running_run_of_a_recurring_campaign()
    {
        var (_, customerId) = Ids();
        var yearly = Definition("yearly-" + customerId, recurring: true);
        var definitions = new Mock<ICampaignDefinitionStore>();
        definitions.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([yearly]);
        var thisYear = CampaignInstanceId.For(customerId, yearly.Id, "d20260301");
        var prefix = CampaignInstanceId.For(customerId, yearly.Id);
        client.Setup(c => c.GetAllInstancesAsync(It.Is<OrchestrationQuery?>(q => q != null && q.InstanceIdPrefix == prefix)))
            .Returns(Pageable.Create((string? _, int? _, CancellationToken _) =>
                Task.FromResult(new Page<OrchestrationMetadata>([new OrchestrationMetadata(CampaignOrchestrator.Name, thisYear) { RuntimeStatus = OrchestrationRuntimeStatus.Running }], null))));
        var purchase = new PurchaseObserved(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero), 12m);

        await app.Services.GetRequiredService<ICampaignEvents>().RaiseAsync(customerId, purchase, CancellationToken.None);
        await QueueTriggerDriver.TakeAsync(app, Triggers.CampaignEventsQueue, text => text.Contains(customerId, StringComparison.Ordinal),
            message => new CampaignEventFunction(definitions.Object).Run(message.Text, client.Object, CancellationToken.None));

        client.Verify(c => c.RaiseEventAsync(thisYear, CampaignOrchestrator.PurchaseEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static (string CampaignId, string CustomerId) Ids()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        return ("camp-" + suffix, "cust-" + suffix);
    }

    private static Func<string, bool> Both(string a, string b) =>
        text => text.Contains(a, StringComparison.Ordinal) && text.Contains(b, StringComparison.Ordinal);

    private void Instance(string instanceId, OrchestrationRuntimeStatus? status) =>
        client.Setup(c => c.GetInstanceAsync(instanceId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(status is { } s ? new OrchestrationMetadata(CampaignOrchestrator.Name, instanceId) { RuntimeStatus = s } : null);

    private static CampaignDefinition Definition(string id, bool recurring = false) => JsonSerializer.Deserialize<CampaignDefinition>($$"""
        {
          "id": "{{id}}",
          "name": "{{id}}",
          "trigger": { "type": "fixedDate", "date": "2026-03-01" },
          "recurring": {{(recurring ? "true" : "false")}},
          "steps": [ { "type": "sendEmail", "id": "hello", "templateId": "d-hello" } ]
        }
        """, CampaignJson.Options)!;
}
