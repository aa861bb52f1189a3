using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Ports;
using Moq;

namespace ChurnFunctions.Core.Tests.Campaigns.Runtime;

public sealed class CampaignRunnerTests
{
    private const string Customer = "c1";

    [Fact]
    public async Task Runner_sends_email_waits_sends_sms_and_completes_each_send_once()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);

        Assert.True(await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None));
        await rig.DrainAsync();
        Assert.Equal(1, rig.Email.Count(SendId(rig, "email1")));
        Assert.Equal(0, rig.Sms.Total);
        Assert.Contains(rig.InstanceId(Customer), await rig.Instances.ListRunningAsync(Customer, CancellationToken.None));

        await rig.AdvanceToNextAsync();
        Assert.Equal(1, rig.Sms.Count(SendId(rig, "sms1")));

        await rig.AdvanceToNextAsync();
        Assert.Equal(CampaignPhase.Completed, rig.State(Customer).Phase);
        Assert.Empty(await rig.Instances.ListRunningAsync(Customer, CancellationToken.None));
        Assert.Equal(1, rig.Email.Total);
        Assert.Equal(1, rig.Sms.Total);
        Assert.NotNull(rig.Instances.SendTimes[Customer].LastEmailSentAt);
        Assert.NotNull(rig.Instances.SendTimes[Customer].LastSmsSentAt);
    }

    [Fact]
    public async Task Start_of_a_pair_that_exists_starts_nothing()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);

        Assert.True(await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None));
        Assert.False(await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None));
        await rig.DrainAsync();

        Assert.Single(rig.Instances.Rows);
        Assert.Equal(1, rig.Email.Total);
    }

    [Fact]
    public async Task Start_stores_the_instance_before_its_wake_up_so_the_wake_up_always_finds_it()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);
        var rowsWhenScheduled = -1;
        rig.WakeUps.OnSchedule = () => rowsWhenScheduled = rig.Instances.Rows.Count;

        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);

        Assert.Equal(1, rowsWhenScheduled);
    }

    [Fact]
    public async Task A_start_whose_wake_up_was_lost_is_queued_again_with_the_same_due_time_and_sent_once()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);
        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        var lost = rig.WakeUps.TakeDue(rig.Clock.Now)!;

        Assert.False(await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None));
        Assert.Equal(lost.DueAt, rig.WakeUps.Scheduled[^1].DueAt);
        await rig.DrainAsync();

        Assert.Equal(1, rig.Email.Total);
    }

    [Fact]
    public async Task Crash_between_ledger_write_and_provider_call_sends_exactly_once_after_the_lease()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);
        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        var start = rig.WakeUps.TakeDue(rig.Clock.GetUtcNow())!;
        rig.Ledger.CrashAfterNextBegin = true;

        await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.Runner.HandleWakeUpAsync(start, CancellationToken.None));
        Assert.Equal(SendLedgerStatus.Pending, rig.Ledger[SendId(rig, "email1")]!.Status);
        Assert.Equal(0, rig.Email.Total);

        // The queue redelivers the unfinished message; within the lease the pending entry is left to its owner.
        await rig.Runner.HandleWakeUpAsync(start, CancellationToken.None);
        Assert.Equal(0, rig.Email.Total);

        // At the lease's end the runner takes the entry over and sends, once.
        await rig.AdvanceToNextAsync();
        await rig.Runner.HandleWakeUpAsync(start, CancellationToken.None);
        await rig.DrainAsync();
        Assert.Equal(1, rig.Email.Count(SendId(rig, "email1")));
        Assert.Equal(SendLedgerStatus.Sent, rig.Ledger[SendId(rig, "email1")]!.Status);
        Assert.Equal(StepOutcome.Sent, rig.State(Customer).Log.Single(l => l.StepId == "email1").Outcome);
    }

    [Fact]
    public async Task A_send_is_begun_without_a_ledger_read_and_its_redelivery_after_a_crash_reads_the_ledger_and_sends_once()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);
        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        var start = rig.WakeUps.TakeDue(rig.Clock.GetUtcNow())!;
        var sendId = SendId(rig, "email1");
        rig.Ledger.CrashAfterNextBegin = true;

        // No stored state named the send before this decision: no runner can have begun it, so nothing is read.
        await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.Runner.HandleWakeUpAsync(start, CancellationToken.None));
        Assert.Equal(0, rig.Ledger.Reads.GetValueOrDefault(sendId));

        // The redelivered wake-up finds the send named as pending in the stored state: the ledger is read, the entry
        // is left to its lease, then taken over and sent once.
        await rig.Runner.HandleWakeUpAsync(start, CancellationToken.None);
        Assert.True(rig.Ledger.Reads.GetValueOrDefault(sendId) >= 1);
        Assert.Equal(0, rig.Email.Total);
        await rig.AdvanceToNextAsync();
        await rig.Runner.HandleWakeUpAsync(start, CancellationToken.None);
        await rig.DrainAsync();
        Assert.Equal(1, rig.Email.Count(sendId));
        Assert.Equal(StepOutcome.Sent, rig.State(Customer).Log.Single(l => l.StepId == "email1").Outcome);
    }

    [Fact]
    public async Task Send_recorded_as_sent_in_the_ledger_is_not_sent_again_on_replay()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);
        var sendId = SendId(rig, "email1");
        await rig.Ledger.TryInsertAsync(
            new SendLedgerEntry(sendId, Domain.MessageChannel.Email, SendLedgerStatus.Sent, 0, rig.Clock.GetUtcNow(), SendResult.Sent("sg-1")), CancellationToken.None);

        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        await rig.DrainAsync();

        Assert.Equal(0, rig.Email.Total);
        var sent = rig.State(Customer).Log.Single(l => l.StepId == "email1");
        Assert.Equal(StepOutcome.Sent, sent.Outcome);
        Assert.Equal("sg-1", sent.Detail);
    }

    [Fact]
    public async Task Send_failed_at_the_same_attempt_is_answered_from_the_ledger()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);
        var sendId = SendId(rig, "email1");
        await rig.Ledger.TryInsertAsync(
            new SendLedgerEntry(sendId, Domain.MessageChannel.Email, SendLedgerStatus.Failed, 0, rig.Clock.GetUtcNow(), new SendResult(SendStatus.Rejected, null, "400")),
            CancellationToken.None);

        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        await rig.DrainAsync();

        Assert.Equal(0, rig.Email.Total);
        Assert.Equal(StepOutcome.Skipped, rig.State(Customer).Log.Single(l => l.StepId == "email1").Outcome);
        Assert.Contains(rig.Actions.Recorded, a => a is RecordSkip { StepId: "email1" });
    }

    [Fact]
    public async Task Transient_failure_is_retried_as_the_next_attempt_and_sent_once()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);
        rig.Email.NextResults.Enqueue(new SendResult(SendStatus.Transient, null, "500"));

        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        await rig.DrainAsync();
        Assert.Equal(SendLedgerStatus.Failed, rig.Ledger[SendId(rig, "email1")]!.Status);

        await rig.AdvanceToNextAsync();
        Assert.Equal(1, rig.Email.Count(SendId(rig, "email1")));
        Assert.Equal(1, rig.Ledger[SendId(rig, "email1")]!.Attempt);
    }

    [Fact]
    public async Task State_conflict_reloads_and_decides_again_without_a_second_send()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);
        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        rig.Instances.BeforeNextReplace = () => rig.Instances.Touch(rig.InstanceId(Customer));

        await rig.DrainAsync();

        Assert.True(rig.Instances.Conflicts >= 1);
        Assert.Equal(1, rig.Email.Count(SendId(rig, "email1")));
        Assert.Equal(CampaignPhase.Active, rig.State(Customer).Phase);
    }

    [Fact]
    public async Task Purchase_during_the_wait_completes_the_instance_and_nothing_more_is_sent()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);
        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        await rig.DrainAsync();

        rig.Clock.Now += TimeSpan.FromHours(5);
        await rig.Runner.RaiseAsync(Customer, new PurchaseObserved(rig.Clock.GetUtcNow(), 42m), CancellationToken.None);
        var state = rig.State(Customer);
        Assert.Equal(CampaignPhase.Completed, state.Phase);
        Assert.Equal(CompletionReason.Purchase, state.CompletionReason);
        Assert.Empty(await rig.Instances.ListRunningAsync(Customer, CancellationToken.None));

        rig.Clock.Now += TimeSpan.FromDays(3);
        await rig.DrainAsync();
        Assert.Equal(0, rig.Sms.Total);
    }

    [Fact]
    public async Task Early_duplicate_and_stale_wake_ups_are_harmless()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer);
        var instanceId = rig.InstanceId(Customer);
        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        var stale = rig.WakeUps.Scheduled[0];
        await rig.DrainAsync();
        var current = rig.Instances.Rows[instanceId].Value.NextWakeUpAt!.Value;

        // Stale (an earlier schedule), early and duplicated messages.
        await rig.Runner.HandleWakeUpAsync(stale, CancellationToken.None);
        await rig.Runner.HandleWakeUpAsync(new WakeUpMessage(instanceId, current), CancellationToken.None);
        await rig.Runner.HandleWakeUpAsync(new WakeUpMessage(instanceId, current), CancellationToken.None);
        await rig.Runner.HandleWakeUpAsync(new WakeUpMessage(instanceId, rig.Clock.GetUtcNow()), CancellationToken.None);
        Assert.Equal(0, rig.Sms.Total);
        Assert.Equal(1, rig.Email.Total);

        rig.Clock.Now = current;
        await rig.DrainAsync();
        await rig.Runner.HandleWakeUpAsync(new WakeUpMessage(instanceId, current), CancellationToken.None);
        Assert.Equal(1, rig.Sms.Count(SendId(rig, "sms1")));
        Assert.Equal(1, rig.Email.Total);
    }

    [Fact]
    public async Task A_wake_up_that_arrives_before_the_state_naming_it_comes_back_and_then_runs()
    {
        var (rig, instanceId, written, due) = await WaitingForSmsAsync();

        // The message for the wait's end is taken while the state naming it is still being written.
        rig.Instances.Rows[instanceId] = written with { Value = written.Value with { NextWakeUpAt = due.AddSeconds(-30) } };
        rig.Clock.Now = due;
        var ahead = new WakeUpMessage(instanceId, due);
        await Assert.ThrowsAsync<WakeUpAheadOfStateException>(() => rig.Runner.HandleWakeUpAsync(ahead, CancellationToken.None));
        Assert.Equal(0, rig.Sms.Total);

        // The write lands; the queue delivers the message again after its retry delay.
        rig.Instances.Rows[instanceId] = written;
        rig.Clock.Now = due.AddSeconds(10);
        await rig.Runner.HandleWakeUpAsync(ahead, CancellationToken.None);
        Assert.Equal(1, rig.Sms.Total);
    }

    [Fact]
    public async Task A_wake_up_later_than_the_stored_one_is_dropped_as_stale_once_past_the_grace()
    {
        var (rig, instanceId, written, due) = await WaitingForSmsAsync();
        rig.Instances.Rows[instanceId] = written with { Value = written.Value with { NextWakeUpAt = due.AddSeconds(-30) } };
        rig.Clock.Now = due + WakeUpAheadOfStateException.Grace;

        await rig.Runner.HandleWakeUpAsync(new WakeUpMessage(instanceId, due), CancellationToken.None);

        Assert.Equal(0, rig.Sms.Total);
    }

    private static async Task<(RunnerRig Rig, string InstanceId, Versioned<StoredInstance> Written, DateTimeOffset Due)> WaitingForSmsAsync()
    {
        var rig = new RunnerRig(RunnerRig.TwoStep(TimeSpan.FromSeconds(1)));
        rig.AddCustomer(Customer);
        var instanceId = rig.InstanceId(Customer);
        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        await rig.DrainAsync();
        var written = rig.Instances.Rows[instanceId];
        Assert.Equal(1, rig.Email.Total);
        return (rig, instanceId, written, written.Value.NextWakeUpAt!.Value);
    }

    [Fact]
    public async Task An_address_on_the_global_suppression_list_gets_no_email_and_the_sms_still_goes()
    {
        var rig = new RunnerRig(RunnerRig.TwoStep(TimeSpan.FromHours(1)));
        var customer = rig.AddCustomer(Customer);
        rig.Suppressions.Setup(s => s.IsSuppressedAsync(MessageChannel.Email, customer.Email!, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        await rig.DrainAsync();
        await rig.AdvanceToNextAsync();

        Assert.Equal(0, rig.Email.Total);
        Assert.Equal(1, rig.Sms.Total);
    }

    [Fact]
    public async Task Each_input_reads_suppression_only_for_the_channels_it_can_send_on_before_the_next_wait()
    {
        var rig = new RunnerRig(RunnerRig.TwoStep(TimeSpan.FromHours(1)));
        var customer = rig.AddCustomer(Customer);

        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        await rig.DrainAsync();
        rig.Suppressions.Verify(s => s.IsSuppressedAsync(MessageChannel.Email, customer.Email!, It.IsAny<CancellationToken>()), Times.Once);
        rig.Suppressions.Verify(s => s.IsSuppressedAsync(MessageChannel.Sms, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);

        await rig.AdvanceToNextAsync();
        rig.Suppressions.Verify(s => s.IsSuppressedAsync(MessageChannel.Email, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        rig.Suppressions.Verify(s => s.IsSuppressedAsync(MessageChannel.Sms, customer.Phone!, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(1, rig.Sms.Total);
    }

    [Fact]
    public async Task A_suppressed_sms_that_follows_the_email_without_a_wait_is_skipped_in_the_same_input()
    {
        var rig = new RunnerRig(RunnerRig.TwoStep(TimeSpan.FromHours(1)) with
        {
            Steps = [new SendEmailStep { Id = "email1", TemplateId = "d-1" }, new SendSmsStep { Id = "sms1", Text = "We miss you" }],
        });
        var customer = rig.AddCustomer(Customer);
        rig.Suppressions.Setup(s => s.IsSuppressedAsync(MessageChannel.Sms, customer.Phone!, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        await rig.DrainAsync();

        Assert.Equal(1, rig.Email.Total);
        Assert.Equal(0, rig.Sms.Total);
        Assert.Equal(StepOutcome.Skipped, rig.State(Customer).Log.Single(l => l.StepId == "sms1").Outcome);
    }

    [Fact]
    public async Task Quiet_hours_defer_the_send_to_the_morning()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer, timeZone: "UTC");
        rig.Clock.Now = DateTimeOffset.Parse("2024-06-03T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        await rig.DrainAsync();
        Assert.Equal(0, rig.Email.Total);
        Assert.Equal(DateTimeOffset.Parse("2024-06-04T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), rig.Instances.Rows[rig.InstanceId(Customer)].Value.NextWakeUpAt);

        await rig.AdvanceToNextAsync();
        Assert.Equal(1, rig.Email.Count(SendId(rig, "email1")));
    }

    [Fact]
    public async Task Sms_without_consent_is_skipped_and_recorded()
    {
        var rig = new RunnerRig();
        rig.AddCustomer(Customer, sms: false);

        await rig.Runner.StartAsync(RunnerRig.CampaignId, Customer, CancellationToken.None);
        await rig.DrainAsync();
        await rig.AdvanceToNextAsync();

        Assert.Equal(0, rig.Sms.Total);
        Assert.Contains(rig.Actions.Recorded, a => a is RecordSkip { StepId: "sms1" });
    }

    private static string SendId(RunnerRig rig, string stepId) => CampaignInstanceId.ForStep(rig.InstanceId(Customer), stepId);
}
