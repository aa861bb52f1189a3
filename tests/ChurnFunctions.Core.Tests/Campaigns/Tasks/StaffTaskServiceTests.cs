using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Campaigns.Tasks;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns.Tasks;

public sealed class StaffTaskServiceTests
{
    private readonly InMemoryStaffTaskStore store = new();
    private readonly Mock<ICampaignActionLog> inner = new();

    [Fact]
    public async Task A_task_step_recorded_through_the_action_log_makes_one_task_with_the_reason_and_contact_details()
    {
        var service = Service();
        var log = new StaffTaskActionLog(inner.Object, service);
        var instanceId = CampaignInstanceId.For("c1", CampaignId);
        var action = new CreateStaffTask("call", CampaignInstanceId.ForStep(instanceId, "call"), "Call Ada about her order");

        await log.RecordAsync(instanceId, "c1", action, Monday, CancellationToken.None);
        await log.RecordAsync(instanceId, "c1", action, Monday.AddMinutes(5), CancellationToken.None);

        inner.Verify(l => l.RecordAsync(instanceId, "c1", action, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        var view = Assert.Single(await service.ListAsync(StaffTaskStatus.Open, CancellationToken.None));
        Assert.Equal(action.TaskId, view.Task.Id);
        Assert.Equal((CampaignId, "Win-back", "call"), (view.Task.CampaignId, view.Task.CampaignName, view.Task.StepId));
        Assert.Equal("Call Ada about her order", view.Task.Text);
        Assert.Equal("P(alive) below 0.30", view.Task.Reason);
        Assert.Equal(Monday, view.Task.CreatedAt);
        Assert.Equal(new TaskContact("Ada", "Lovelace", "ada@example.com", "+4915112345678"), view.Contact);
    }

    [Fact]
    public async Task Not_reached_keeps_the_task_open_and_reached_closes_it()
    {
        var service = Service();
        await AddTaskAsync(service, "c1");
        var id = (await store.ListAsync(null, CancellationToken.None)).Single().Id;

        var first = await service.RecordOutcomeAsync(id, StaffTaskOutcome.NotReached, "voicemail", CancellationToken.None);
        var second = await service.RecordOutcomeAsync(id, StaffTaskOutcome.Reached, null, CancellationToken.None);

        Assert.Equal((StaffTaskStatus.Open, 1, "voicemail"), (first!.Status, first.Attempts, first.Note));
        Assert.Equal((StaffTaskStatus.Closed, 2, StaffTaskOutcome.Reached), (second!.Status, second.Attempts, second.Outcome));
        Assert.Empty(await service.ListAsync(StaffTaskStatus.Open, CancellationToken.None));
    }

    [Fact]
    public async Task Do_not_call_closes_the_customers_open_tasks_and_no_later_task_is_made()
    {
        var service = Service();
        await AddTaskAsync(service, "c1", "call");
        await AddTaskAsync(service, "c1", "call2");
        await AddTaskAsync(service, "c2", "call");
        var c1Task = (await store.ListAsync(null, CancellationToken.None)).First(t => t.CustomerId == "c1");

        await service.RecordOutcomeAsync(c1Task.Id, StaffTaskOutcome.DoNotCall, null, CancellationToken.None);
        var later = await AddTaskAsync(service, "c1", "call3");

        Assert.False(later);
        Assert.True(await store.IsDoNotCallAsync("c1", CancellationToken.None));
        var open = await service.ListAsync(StaffTaskStatus.Open, CancellationToken.None);
        Assert.Equal("c2", Assert.Single(open).Task.CustomerId);
        Assert.All((await store.ListAsync(null, CancellationToken.None)).Where(t => t.CustomerId == "c1"), t => Assert.Equal(StaffTaskOutcome.DoNotCall, t.Outcome));
    }

    [Fact]
    public async Task An_unknown_task_has_no_outcome() =>
        Assert.Null(await Service().RecordOutcomeAsync("nope", StaffTaskOutcome.Reached, null, CancellationToken.None));

    [Fact]
    public void The_decider_skips_the_task_step_for_a_do_not_call_customer()
    {
        var rig = new DeciderRig(Definition(new CreateStaffTaskStep { Id = "call", Text = "Call" }) with { HoldoutPercent = 0 }, Customer() with { DoNotCall = true });

        var actions = rig.Apply(new Start(), Monday);

        Assert.Equal(new RecordSkip("call", "staff recorded do-not-call"), actions[0]);
        Assert.DoesNotContain(actions, a => a is CreateStaffTask);
    }

    [Theory]
    [InlineData("reached", StaffTaskOutcome.Reached)]
    [InlineData("not-reached", StaffTaskOutcome.NotReached)]
    [InlineData("won-back", StaffTaskOutcome.WonBack)]
    [InlineData("do-not-call", StaffTaskOutcome.DoNotCall)]
    public void Outcomes_are_named_in_kebab_case(string name, StaffTaskOutcome outcome)
    {
        Assert.True(StaffTaskJson.TryParseOutcome(name, out var parsed));
        Assert.Equal(outcome, parsed);
        Assert.Equal(name, StaffTaskJson.Name(outcome));
    }

    private async Task<bool> AddTaskAsync(StaffTaskService service, string customerId, string stepId = "call")
    {
        var instanceId = CampaignInstanceId.For(customerId, CampaignId);
        return await service.CreateAsync(instanceId, customerId, new CreateStaffTask(stepId, CampaignInstanceId.ForStep(instanceId, stepId), "Call"), Monday, CancellationToken.None);
    }

    private StaffTaskService Service()
    {
        var definitions = new Mock<ICampaignDefinitionStore>();
        definitions.Setup(d => d.GetAsync(CampaignId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Definition(Wait("w", 1)) with { Name = "Win-back", Trigger = new AliveProbabilityBelowTrigger(0.3) });
        var customers = new Mock<ICustomerStore>();
        customers.Setup(c => c.GetAsync("c1", It.IsAny<CancellationToken>())).ReturnsAsync(new Versioned<CustomerRecord>(
            new CustomerRecord { Id = "c1", FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", Phone = "+4915112345678" }, "etag"));
        return new StaffTaskService(store, definitions.Object, customers.Object, new Clock(Monday.AddDays(1)), NullLogger<StaffTaskService>.Instance);
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
