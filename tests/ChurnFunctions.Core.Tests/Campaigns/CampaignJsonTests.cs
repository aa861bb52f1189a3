using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CampaignJsonTests
{
    private const string CareJourney = """
        {
          "id": "care-30",
          "name": "Satisfaction follow-up",
          "trigger": { "days": 30, "type": "daysAfterPurchase" },
          "audience": { "valueTiers": ["high", "medium"], "requiredConsent": ["email"] },
          "steps": [
            { "type": "sendEmail", "id": "ask", "templateId": "d-care", "templateData": { "name": "{{firstName|there}}" } },
            { "type": "branch", "id": "clicked", "condition": "emailClick", "window": "3.00:00:00",
              "then": [],
              "else": [ { "type": "createStaffTask", "id": "call", "text": "Call {{firstName}}" } ] }
          ],
          "exit": { "onPurchase": false }
        }
        """;

    [Fact]
    public void A_definition_reads_from_camel_case_json_with_defaults_and_the_type_anywhere()
    {
        var definition = CampaignJson.ReadDefinition(CareJourney)!;

        Assert.Null(CampaignDefinitionValidator.Validate(definition));
        Assert.Equal(new DaysAfterPurchaseTrigger(30), definition.Trigger);
        Assert.True(definition.Enabled);
        Assert.Equal(10, definition.HoldoutPercent);
        Assert.Equal(TimeSpan.FromDays(14), definition.AttributionWindow);
        Assert.False(definition.Exit.OnPurchase);
        Assert.True(definition.Exit.OnHardBounce);
        Assert.Equal([MessageChannel.Email], definition.Audience.RequiredConsent);
        var branch = Assert.IsType<BranchStep>(definition.Steps[1]);
        Assert.Equal(TimeSpan.FromDays(3), branch.Window);
        Assert.Equal("call", Assert.Single(branch.Else).Id);
    }

    [Fact]
    public void A_definition_round_trips()
    {
        var definition = CampaignJson.ReadDefinition(CareJourney)!;

        var again = CampaignJson.ReadDefinition(CampaignJson.Write(definition))!;

        Assert.Equal(CampaignJson.Write(definition), CampaignJson.Write(again));
    }

    [Fact]
    public void An_unknown_step_type_fails_to_read()
    {
        Assert.ThrowsAny<JsonException>(() => CampaignJson.ReadDefinition("""{"id":"x","name":"x","trigger":{"type":"partialChurn"},"steps":[{"type":"fax","id":"f"}]}"""));
    }

    [Fact]
    public void Instance_state_with_a_pending_send_round_trips_and_decides_the_same()
    {
        var rig = new DeciderRig(Definition(Coupon("c1"), Email("email1"), Wait("w1", 2)));
        rig.Apply(new Start(), Monday);
        rig.Apply(new EmailEvent(EmailEventKind.Opened, Monday), Monday);

        var json = CampaignJson.Write(rig.State);
        var restored = JsonSerializer.Deserialize<CampaignInstanceState>(json, CampaignJson.Options)!;

        Assert.Equal(json, CampaignJson.Write(restored));
        var decider = Decider();
        Assert.Equal(
            CampaignJson.Write(decider.Decide(rig.Definition, rig.State, new WakeUp(), Monday.AddHours(1), rig.Customer)),
            CampaignJson.Write(decider.Decide(rig.Definition, restored, new WakeUp(), Monday.AddHours(1), rig.Customer)));
    }

    [Fact]
    public void Inputs_and_actions_carry_their_type_in_json()
    {
        CampaignInput input = new PurchaseObserved(Monday, 9.5m);
        CampaignAction action = new ScheduleWakeUp(Monday);

        Assert.Contains("\"type\":\"purchaseObserved\"", CampaignJson.Write(input), StringComparison.Ordinal);
        Assert.Contains("\"type\":\"scheduleWakeUp\"", CampaignJson.Write(action), StringComparison.Ordinal);
        Assert.Equal(input, JsonSerializer.Deserialize<CampaignInput>(CampaignJson.Write(input), CampaignJson.Options));
    }
}
