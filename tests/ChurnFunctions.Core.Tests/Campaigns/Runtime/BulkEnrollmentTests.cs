using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;

namespace ChurnFunctions.Core.Tests.Campaigns.Runtime;

/// <summary>The enrollment pass's bulk entry: starts queued in batches, looked up in bulk, each started once.</summary>
public sealed class BulkEnrollmentTests
{
    [Fact]
    public async Task Enter_queues_new_starts_in_batches_of_64_and_the_batches_start_each_instance()
    {
        var rig = new RunnerRig();
        var requests = Requests(rig, 150);

        var entered = await rig.Runner.EnterAsync(requests, dryRun: false, CancellationToken.None);

        Assert.Equal(150, entered.Count);
        Assert.Equal([64, 64, 22], rig.WakeUps.StartBatches.Select(b => b.Starts.Count));
        Assert.Empty(rig.Instances.Rows);
        await rig.DrainAsync();
        Assert.Equal(150, rig.Instances.Rows.Count);
        Assert.All(rig.Instances.Rows.Values, r => Assert.NotEqual(CampaignPhase.NotStarted, r.Value.State.Phase));
        Assert.Equal(150, rig.Email.Total);
    }

    [Fact]
    public async Task Enter_leaves_out_instances_that_exist_whether_read_by_listing_or_one_by_one()
    {
        foreach (var count in new[] { 150, 10 })
        {
            var rig = new RunnerRig();
            var requests = Requests(rig, count);
            await rig.Runner.EnterAsync(requests, dryRun: false, CancellationToken.None);
            await rig.DrainAsync();

            var again = await rig.Runner.EnterAsync(requests, dryRun: false, CancellationToken.None);
            var dryRun = await rig.Runner.EnterAsync(requests, dryRun: true, CancellationToken.None);

            Assert.Empty(again);
            Assert.Empty(dryRun);
            Assert.Equal(count > CampaignRunner.PointReadLimit ? 3 : 1, rig.WakeUps.StartBatches.Count);
            Assert.Equal(count, rig.Email.Total);
        }
    }

    [Fact]
    public async Task Dry_run_lists_the_new_requests_and_queues_nothing()
    {
        var rig = new RunnerRig();
        var requests = Requests(rig, 100);
        await rig.Runner.EnterAsync(requests.Take(30).ToList(), dryRun: false, CancellationToken.None);
        await rig.DrainAsync();
        var batches = rig.WakeUps.StartBatches.Count;

        var wouldEnter = await rig.Runner.EnterAsync(requests, dryRun: true, CancellationToken.None);

        Assert.Equal(requests.Skip(30).Select(r => r.CustomerId), wouldEnter.Select(r => r.CustomerId));
        Assert.Equal(batches, rig.WakeUps.StartBatches.Count);
        Assert.Equal(30, rig.Instances.Rows.Count);
    }

    [Fact]
    public async Task A_start_batch_delivered_twice_starts_and_sends_each_instance_once()
    {
        var rig = new RunnerRig();
        var requests = Requests(rig, 5);
        var batch = new StartBatchMessage(requests);

        await rig.Runner.HandleStartsAsync(batch, CancellationToken.None);
        await rig.Runner.HandleStartsAsync(batch, CancellationToken.None);
        await rig.DrainAsync();

        Assert.Equal(5, rig.Instances.Rows.Count);
        Assert.Equal(5, rig.Email.Total);
    }

    [Fact]
    public async Task An_instance_inserted_but_never_started_is_woken_again_and_not_counted_as_new()
    {
        var rig = new RunnerRig();
        var request = Requests(rig, 1)[0];
        var due = rig.Clock.GetUtcNow();
        Assert.True(await rig.Instances.TryInsertAsync(
            new StoredInstance(CampaignInstanceState.New(request.CustomerId, request.CampaignId, request.RunKey), due), CancellationToken.None));

        var entered = await rig.Runner.EnterAsync([request], dryRun: false, CancellationToken.None);
        await rig.DrainAsync();

        Assert.Empty(entered);
        Assert.Contains(new WakeUpMessage(request.InstanceId, due), rig.WakeUps.Scheduled);
        Assert.NotEqual(CampaignPhase.NotStarted, rig.Instances.Rows[request.InstanceId].Value.State.Phase);
        Assert.Equal(1, rig.Email.Total);
    }

    [Fact]
    public void Batches_stay_within_64_starts_and_32000_characters()
    {
        var longId = new string('x', 3_000);
        var starts = Enumerable.Range(0, 100).Select(i => new CampaignStartRequest("c", longId + i, null)).ToList();

        var batches = StartBatchMessage.Split(starts).ToList();

        Assert.Equal(100, batches.Sum(b => b.Starts.Count));
        Assert.All(batches, b => Assert.True(b.ToJson().Length < 40_000, $"{b.ToJson().Length} characters"));
        Assert.True(batches.Count >= 10);
        Assert.Equal([64, 36], StartBatchMessage.Split(starts.Select(s => s with { CustomerId = "short" })).Select(b => b.Starts.Count));
    }

    [Fact]
    public void A_start_batch_reads_back_and_a_wake_up_is_not_one()
    {
        var batch = new StartBatchMessage([new CampaignStartRequest("win-back", "c1", null), new CampaignStartRequest("care", "c2", "p20240501")]);

        var read = StartBatchMessage.TryParse(batch.ToJson());

        Assert.Equal(batch.Starts, read!.Starts);
        Assert.DoesNotContain("instanceId", batch.ToJson(), StringComparison.Ordinal);
        Assert.Null(StartBatchMessage.TryParse(new WakeUpMessage("win-back-00", DateTimeOffset.UnixEpoch).ToJson()));
        Assert.Throws<JsonException>(() => StartBatchMessage.TryParse("""{"starts":[]}"""));
        Assert.Throws<JsonException>(() => StartBatchMessage.TryParse("""{"starts":[{"campaignId":"win-back"}]}"""));
    }

    private static List<CampaignStartRequest> Requests(RunnerRig rig, int count) =>
        Enumerable.Range(0, count)
            .Select(i => rig.AddCustomer($"c{i:D4}").Id)
            .Select(id => new CampaignStartRequest(RunnerRig.CampaignId, id, null))
            .ToList();
}
