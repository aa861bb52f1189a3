using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.Functions.Campaigns;
using ChurnFunctions.Functions.Tests.Durable.Hosting;
using ChurnFunctions.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Durable;

/// <summary>
/// The app's <see cref="CampaignOrchestrator"/> and activities, as the app registers them, on the Durable Task test
/// host's in-memory engine, with the app's storage on Azurite and the fake SendGrid and Twilio: the self-host runner's
/// scenarios. Waits are 1-2 s on the engine's wall-clock timers.
/// </summary>
[Collection(DurableAzuriteCollection.Name)]
public sealed class CampaignOrchestratorTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan ShortWait = TimeSpan.FromSeconds(1);

    [Fact]
    public void Discovered_durable_functions_are_the_trigger_tables_durable_entries()
    {
        var discovered = AppDurableFunctions.All.Select(f => (f.Name, Kind: f.IsOrchestrator ? DurableTriggerKind.Orchestration : DurableTriggerKind.Activity));
        var table = Triggers.Durable.Select(t => (t.Name, t.Kind));
        Assert.Equal(table.OrderBy(t => t.Name), discovered.OrderBy(t => t.Name));
    }

    [Fact]
    public async Task Email_wait_sms_sends_each_message_once_skips_refused_channels_and_defers_quiet_hours()
    {
        var scenario = new DurableScenario("dt", 6, ShortWait);
        await using var rig = await DurableCampaignRig.StartAsync(azurite);
        await rig.SeedAsync(scenario);

        await rig.StartAllAsync(scenario);

        for (var i = 1; i < scenario.Customers.Count; i++)
        {
            var done = await rig.CompletionAsync(scenario.InstanceId(i));
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

        // Quiet time where customer 0 lives: still running, asleep until the morning there, nothing sent.
        var deferred = await DurableCampaignRig.EventuallyAsync(
            () => rig.Client.GetInstanceAsync(scenario.InstanceId(0), getInputsAndOutputs: true),
            m => m?.SerializedCustomStatus is not null);
        Assert.Equal(OrchestrationRuntimeStatus.Running, deferred!.RuntimeStatus);
        var wakeAt = deferred.ReadCustomStatusAs<DateTimeOffset?>();
        Assert.True(wakeAt > DateTimeOffset.UtcNow.AddHours(1), $"asleep until {wakeAt}, not past the quiet hours");
        await rig.Client.TerminateInstanceAsync(scenario.InstanceId(0));
    }

    [Fact]
    public async Task Provider_429_5xx_and_timeouts_are_retried_and_each_message_is_sent_once()
    {
        var scenario = new DurableScenario("dtf", 6, ShortWait);
        await using var rig = await DurableCampaignRig.StartAsync(azurite);
        await rig.SeedAsync(scenario);
        rig.SendGrid.FailNext(1, FakeSendGridFault.ServerError);
        rig.SendGrid.FailNext(1, FakeSendGridFault.TooManyRequests(TimeSpan.FromMilliseconds(200)));
        rig.SendGrid.FailNext(1, FakeSendGridFault.Slow(DurableCampaignRig.AttemptTimeout * 3));
        rig.SendGrid.FailNext(1, FakeSendGridFault.DropConnection);
        rig.Twilio.FailNext(1, FakeTwilioFault.ServerError);
        rig.Twilio.FailNext(1, FakeTwilioFault.TooManyRequests);
        rig.Twilio.FailNext(1, FakeTwilioFault.Hang);
        rig.Twilio.FailNext(1, FakeTwilioFault.AcceptThenDrop);

        await rig.StartAllAsync(scenario);

        for (var i = 1; i < scenario.Customers.Count; i++)
        {
            await rig.CompletionAsync(scenario.InstanceId(i));
            Assert.Equal(DurableScenario.ExpectsEmail(i) ? 1 : 0, rig.EmailsTo(scenario.SendId(i, "email1")));
            Assert.Equal(DurableScenario.ExpectsSms(i) ? 1 : 0, rig.SmsTo(scenario.SendId(i, "sms1")));
        }

        // Every queued fault was served (so each was retried past), and none of them cost a second message.
        Assert.True(rig.SendGrid.RequestCount >= rig.SendGrid.Accepted.Count + 4);
        Assert.True(rig.Twilio.CreateRequests >= rig.Twilio.Accepted.Count + 3);
        await rig.Client.TerminateInstanceAsync(scenario.InstanceId(0));
    }

    [Fact]
    public async Task Purchase_during_the_wait_completes_the_instance_and_the_sms_is_not_sent()
    {
        var scenario = new DurableScenario("dtp", 5, TimeSpan.FromMinutes(10));
        await using var rig = await DurableCampaignRig.StartAsync(azurite);
        await rig.SeedAsync(scenario);
        await rig.StartAllAsync(scenario);
        const int buyer = 4;
        await DurableCampaignRig.EventuallyAsync(() => Task.FromResult(rig.EmailsTo(scenario.SendId(buyer, "email1"))), n => n == 1);

        await rig.RaiseAsync(scenario.Customers[buyer].Id, new PurchaseObserved(DateTimeOffset.UtcNow, 42m));

        var done = await rig.CompletionAsync(scenario.InstanceId(buyer));
        Assert.Equal(nameof(CompletionReason.Purchase), done.ReadOutputAs<string>());
        Assert.Equal(0, rig.SmsTo(scenario.SendId(buyer, "sms1")));
        foreach (var i in Enumerable.Range(0, buyer))
        {
            await rig.Client.TerminateInstanceAsync(scenario.InstanceId(i));
        }
    }

    [Fact]
    public async Task Send_activity_failing_after_the_provider_accepted_is_retried_and_the_message_goes_once()
    {
        var scenario = new DurableScenario("dtr", 5, ShortWait);
        FailOnceAfterSentLedger? ledger = null;
        await using var rig = await DurableCampaignRig.StartAsync(
            azurite, configure: services => services.Decorate<ISendLedger>((inner, _) => ledger = new FailOnceAfterSentLedger(inner)));
        await rig.SeedAsync(scenario);

        await rig.StartAllAsync(scenario);

        for (var i = 1; i < scenario.Customers.Count; i++)
        {
            await rig.CompletionAsync(scenario.InstanceId(i));
            Assert.Equal(DurableScenario.ExpectsEmail(i) ? 1 : 0, rig.EmailsTo(scenario.SendId(i, "email1")));
            Assert.Equal(DurableScenario.ExpectsSms(i) ? 1 : 0, rig.SmsTo(scenario.SendId(i, "sms1")));
        }

        Assert.Equal(1, ledger!.Failures);
        Assert.All(rig.SendGrid.Accepted.GroupBy(m => m.SendId), g => Assert.Single(g));
        Assert.All(rig.Twilio.Accepted.GroupBy(m => m.SendId), g => Assert.Single(g));
        await rig.Client.TerminateInstanceAsync(scenario.InstanceId(0));
    }
}
