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

    [Fact]
    public void A_run_key_extends_the_old_id_and_no_run_key_keeps_it()
    {
        var old = CampaignInstanceId.For("c1", "birthday");

        Assert.Equal(old, CampaignInstanceId.For("c1", "birthday", null));
        Assert.Equal(old + "-y2025", CampaignInstanceId.For("c1", "birthday", "y2025"));
        Assert.NotEqual(CampaignInstanceId.For("c1", "birthday", "y2024"), CampaignInstanceId.For("c1", "birthday", "y2025"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Y2025")]
    [InlineData("2025-01")]
    [InlineData("123456789012345678901234567890123")]
    public void Rejects_a_run_key_that_is_not_short_lower_case_letters_and_digits(string runKey) =>
        Assert.Throws<ArgumentException>(() => CampaignInstanceId.For("c1", "birthday", runKey));
}
