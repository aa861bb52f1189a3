using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CouponCodesTests
{
    [Fact]
    public void The_same_instance_and_step_always_get_the_same_code()
    {
        var instance = CampaignInstanceId.For("c1", "win-back");

        Assert.Equal(CouponCodes.Create(instance, "c1", "WB-", 10), CouponCodes.Create(instance, "c1", "WB-", 10));
    }

    [Fact]
    public void Code_has_the_prefix_the_length_and_no_look_alike_characters()
    {
        var code = CouponCodes.Create("win-back-x", "coupon", "WB-", 12);

        Assert.StartsWith("WB-", code, StringComparison.Ordinal);
        Assert.Equal(15, code.Length);
        Assert.All(code[3..], c => Assert.Contains(c, CouponCodes.Alphabet));
        Assert.DoesNotContain(code[3..], c => c is '0' or 'O' or '1' or 'I' or 'L');
    }

    [Fact]
    public void Codes_are_unique_across_50000_instances_and_across_steps()
    {
        var codes = Enumerable.Range(0, 50_000).Select(i => CouponCodes.Create(CampaignInstanceId.For($"customer-{i}", "win-back"), "c1", "", 10)).ToList();
        var otherStep = CouponCodes.Create(CampaignInstanceId.For("customer-0", "win-back"), "c2", "", 10);

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.NotEqual(codes[0], otherStep);
    }

    [Fact]
    public void A_secret_changes_the_codes()
    {
        var instance = CampaignInstanceId.For("c1", "win-back");

        Assert.NotEqual(CouponCodes.Create(instance, "c1", "", 10), CouponCodes.Create(instance, "c1", "", 10, "s3cret"));
        Assert.Equal(CouponCodes.Create(instance, "c1", "", 10, "s3cret"), CouponCodes.Create(instance, "c1", "", 10, "s3cret"));
    }

    [Fact]
    public void The_decider_uses_the_configured_secret()
    {
        var definition = CampaignFixtures.Definition(CampaignFixtures.Coupon("c1"));
        var state = CampaignInstanceState.New(CampaignFixtures.CustomerId, definition.Id);
        var options = CampaignFixtures.Options();
        options.CouponSecret = "s3cret";

        var decision = new CampaignDecider(options).Decide(definition, state, new Start(), CampaignFixtures.Monday, CampaignFixtures.Customer());

        var issued = Assert.IsType<IssueCoupon>(decision.Actions[0]);
        Assert.Equal(CouponCodes.Create(state.InstanceId, "c1", "WB-", 10, "s3cret"), issued.Code);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(25)]
    public void Lengths_outside_8_to_24_are_refused(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CouponCodes.Create("i", "s", "", length));
    }
}
