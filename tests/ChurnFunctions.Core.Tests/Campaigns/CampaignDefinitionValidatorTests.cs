using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CampaignDefinitionValidatorTests
{
    [Fact]
    public void A_valid_definition_has_no_errors()
    {
        var definition = Definition(Coupon("c1"), Email("email1"), Wait("w1", 3), Sms("sms1", "Code {{couponCode}}"));

        Assert.Null(CampaignDefinitionValidator.Validate(definition));
    }

    [Fact]
    public void Errors_are_keyed_by_the_json_path_of_the_field()
    {
        var definition = new CampaignDefinition
        {
            Id = "Win Back!",
            Name = " ",
            Trigger = new AliveProbabilityBelowTrigger(1.5),
            Audience = new AudienceFilter { Segments = ["at-risk", ""] },
            HoldoutPercent = 150,
            AttributionWindow = TimeSpan.Zero,
            Steps =
            [
                new SendEmailStep { Id = "email1", TemplateId = "", TemplateData = new Dictionary<string, string> { ["offer"] = "{{discount}}" } },
                new BranchStep
                {
                    Id = "b1",
                    Condition = BranchCondition.Purchase,
                    Window = TimeSpan.Zero,
                    Then = [Sms("sms1", "Code {{couponCode}}"), Wait("email1", 0)],
                },
                new IssueCouponStep { Id = "c1", Prefix = "wb", Length = 4 },
                new CreateStaffTaskStep { Id = "bad id", Text = "" },
            ],
        };

        var errors = CampaignDefinitionValidator.Validate(definition)!;

        Assert.Equal(
            [
                "attributionWindow", "audience.segments[1]", "holdoutPercent", "id", "name",
                "steps[0].templateData.offer", "steps[0].templateId",
                "steps[1].condition", "steps[1].then[0].text", "steps[1].then[1].duration", "steps[1].then[1].id", "steps[1].window",
                "steps[2].length", "steps[2].prefix",
                "steps[3].id", "steps[3].text",
                "trigger.threshold",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Duplicate", errors["steps[1].then[1].id"][0], StringComparison.Ordinal);
        Assert.Contains("{{discount}}", errors["steps[0].templateData.offer"][0], StringComparison.Ordinal);
        Assert.Contains("issueCoupon", errors["steps[1].then[0].text"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_coupon_issued_in_only_one_arm_does_not_cover_the_steps_after_the_branch()
    {
        var definition = Definition(
            new BranchStep { Id = "b1", Condition = BranchCondition.EmailClick, Window = TimeSpan.FromDays(1), Then = [Coupon("c1")] },
            Sms("sms1", "{{couponCode}}"));

        var errors = CampaignDefinitionValidator.Validate(definition)!;

        Assert.Equal(["steps[1].text"], errors.Keys);
    }

    [Fact]
    public void A_coupon_issued_in_both_arms_covers_the_steps_after_the_branch()
    {
        var definition = Definition(
            new BranchStep { Id = "b1", Condition = BranchCondition.EmailClick, Window = TimeSpan.FromDays(1), Then = [Coupon("c1")], Else = [Coupon("c2")] },
            Sms("sms1", "{{couponCode}}"));

        Assert.Null(CampaignDefinitionValidator.Validate(definition));
    }

    [Fact]
    public void Empty_steps_and_trigger_fields_are_reported()
    {
        var definition = Definition() with { Trigger = new SegmentEnteredTrigger("") };

        var errors = CampaignDefinitionValidator.Validate(definition)!;

        Assert.Equal(["steps", "trigger.segment"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sms_longer_than_1600_characters_is_refused()
    {
        var errors = CampaignDefinitionValidator.Validate(Definition(Sms("sms1", new string('x', 1601))))!;

        Assert.Equal(["steps[0].text"], errors.Keys);
    }

    [Fact]
    public void Required_consent_with_an_unknown_channel_is_reported()
    {
        var definition = Definition(Email()) with { Audience = new AudienceFilter { RequiredConsent = [(MessageChannel)7] } };

        Assert.Equal(["audience.requiredConsent[0]"], CampaignDefinitionValidator.Validate(definition)!.Keys);
    }
}
