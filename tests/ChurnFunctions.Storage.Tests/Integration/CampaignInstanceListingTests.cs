using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Storage.Campaigns;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests.Integration;

/// <summary>The instance store's listing of one campaign, which the bulk enrollment reads instead of a row per customer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignInstanceListingTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Lists_every_instance_of_a_campaign_past_one_page_and_none_of_a_campaign_whose_id_extends_it()
    {
        var store = new TableCampaignInstanceStore(StorageAccount.FromConnectionString(azurite.ConnectionString));
        var campaign = "list-" + Guid.NewGuid().ToString("N")[..8];
        var mine = Enumerable.Range(0, 1_050).Select(i => CampaignInstanceState.New($"c{i}", campaign, i % 2 == 0 ? null : "p20240501")).ToList();
        await Parallel.ForEachAsync(mine, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (state, ct) =>
            Assert.True(await store.TryInsertAsync(new StoredInstance(state, Now), ct)));
        Assert.True(await store.TryInsertAsync(new StoredInstance(CampaignInstanceState.New("c1", campaign + "-2", null), Now), default));
        var started = mine[3] with { Phase = CampaignPhase.Active };
        var row = await store.GetAsync(started.InstanceId, default);
        Assert.NotNull(await store.TryReplaceAsync(new StoredInstance(started, null), row!.ETag, default));

        var listed = new Dictionary<string, InstanceHeader>(StringComparer.Ordinal);
        await foreach (var header in store.ListByCampaignAsync(campaign, default))
        {
            listed.Add(header.InstanceId, header);
        }

        Assert.Equal(mine.Select(s => s.InstanceId).Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new InstanceHeader(started.InstanceId, CampaignPhase.Active, null), listed[started.InstanceId]);
        Assert.Equal(new InstanceHeader(mine[0].InstanceId, CampaignPhase.NotStarted, Now), listed[mine[0].InstanceId]);
    }
}
