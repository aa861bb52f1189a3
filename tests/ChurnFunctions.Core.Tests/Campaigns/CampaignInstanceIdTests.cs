using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CampaignInstanceIdTests
{
    [Fact]
    public void Instance_id_is_deterministic_per_customer_and_campaign()
    {
        Assert.Equal(CampaignInstanceId.For("c1", "win-back"), CampaignInstanceId.For("c1", "win-back"));
        Assert.NotEqual(CampaignInstanceId.For("c1", "win-back"), CampaignInstanceId.For("c2", "win-back"));
        Assert.NotEqual(CampaignInstanceId.For("c1", "win-back"), CampaignInstanceId.For("c1", "birthday"));
    }

    [Fact]
    public void Instance_id_starts_with_the_campaign_and_holds_no_key_unsafe_characters()
    {
        var id = CampaignInstanceId.For("shopify/123#?\\", "win-back");

        Assert.Matches("^win-back-[0-9a-f]{32}$", id);
    }

    [Fact]
    public void New_state_carries_the_ids_and_has_not_started()
    {
        var state = CampaignInstanceState.New("c1", "win-back");

        Assert.Equal(CampaignInstanceId.For("c1", "win-back"), state.InstanceId);
        Assert.Equal(CampaignPhase.NotStarted, state.Phase);
    }
}
