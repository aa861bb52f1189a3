using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Scoring;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CampaignVocabularyTests
{
    [Theory]
    [InlineData("AtRisk")]
    [InlineData("vip")]
    public void Refuses_a_segment_scoring_never_produces_and_lists_the_valid_ones(string segment)
    {
        var errors = CampaignDefinitionValidator.Validate(Definition(Email()) with { Trigger = new SegmentEnteredTrigger(segment) })!;

        var message = Assert.Single(errors["trigger.segment"]);
        foreach (var name in new[] { "'champions'", "'at-risk'", "'cant-lose'", "'lost'" })
        {
            Assert.Contains(name, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Accepts_the_wire_names_in_any_case_and_refuses_an_unknown_value_tier()
    {
        var valid = Definition(Email()) with
        {
            Trigger = new SegmentEnteredTrigger("At-Risk"),
            Audience = new AudienceFilter { Segments = ["cant-lose", "hibernating"], ValueTiers = ["High"] },
        };
        var invalid = valid with { Audience = new AudienceFilter { ValueTiers = ["gold"] } };

        Assert.Null(CampaignDefinitionValidator.Validate(valid));
        Assert.Contains("'high', 'medium', 'low'", CampaignDefinitionValidator.Validate(invalid)!["audience.valueTiers[0]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_trigger_type_fails_at_a_path_whose_choices_are_the_trigger_types()
    {
        var json = CampaignJson.Write(Definition(Email())).Replace("\"segmentEntered\"", "\"segment-entered\"", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonException>(() => CampaignJson.ReadDefinition(json));

        Assert.Equal(CampaignChoices.TriggerTypes, CampaignChoices.For(ex.Path));
        Assert.Contains("segmentEntered", CampaignChoices.TriggerTypes);
        Assert.Contains("churnReason", CampaignChoices.TriggerTypes);
    }

    [Fact]
    public void An_unknown_step_type_fails_at_a_path_whose_choices_are_the_step_types()
    {
        var json = CampaignJson.Write(Definition(Email())).Replace("\"sendEmail\"", "\"email\"", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonException>(() => CampaignJson.ReadDefinition(json));

        Assert.Equal(CampaignChoices.StepTypes, CampaignChoices.For(ex.Path));
        Assert.Contains("sendEmail", CampaignChoices.StepTypes);
    }

    [Theory]
    [InlineData("AtRisk", "at-risk")]
    [InlineData("CantLose", "cant-lose")]
    [InlineData("HighValue", "high-value")]
    [InlineData("ChurnedOneTimeBuyer", "churned-one-time-buyer")]
    [InlineData("High", "high")]
    [InlineData("at-risk", "at-risk")]
    public void Names_stored_under_the_old_spelling_read_in_the_wire_spelling(string stored, string wire)
    {
        Assert.Equal(wire, ScoreNames.Canonical(stored));
    }

    [Fact]
    public void A_score_stored_under_the_old_spelling_matches_a_campaign_in_the_new_one()
    {
        var old = new CustomerScore("c1", new DateOnly(2024, 3, 31), 0.2, 0.1, 90, null, null, null, 1, 3, 2, "AtRisk", "AtRisk", "High", "ChurnedGap", false, []);

        var score = ScoreNames.Normalize(old);

        Assert.Equal(("at-risk", "at-risk", "high", "churned-gap"), (score.Segment, score.Tier, score.ValueTier, score.ChurnStatus));
        Assert.True(ScoreNames.Same("at-risk", old.Segment));
    }
}
