using System.Text.Json.Nodes;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Backtest;
using ChurnFunctions.Core.Tests.Campaigns.Docs;

namespace ChurnFunctions.Core.Tests.Campaigns.Backtest;

public sealed class CampaignDefinitionFileTests
{
    [Fact]
    public void Reads_the_docs_win_back_as_the_api_stores_it()
    {
        var definition = CampaignDefinitionFile.Read(CampaignDocs.Examples[0], out var errors);

        Assert.Null(errors);
        Assert.Equal("win-back", definition!.Id);
        Assert.Equal(new SegmentEnteredTrigger("at-risk"), definition.Trigger);
        Assert.Equal(20, definition.HoldoutPercent);
    }

    [Fact]
    public void Rejects_a_definition_with_the_validators_errors_by_json_path()
    {
        var json = JsonNode.Parse(CampaignDocs.Examples[0])!.AsObject();
        json["holdoutPercent"] = 120;
        json["trigger"] = new JsonObject { ["type"] = "daysAfterPurchase", ["days"] = 0 };

        var definition = CampaignDefinitionFile.Read(json.ToJsonString(), out var errors);

        Assert.Null(definition);
        Assert.Equal(["holdoutPercent", "trigger.days"], errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(CampaignDefinitionValidator.Validate(CampaignJson.ReadDefinition(json.ToJsonString())!), errors);
    }

    [Fact]
    public void Rejects_an_unknown_trigger_type_at_its_path_with_the_valid_choices()
    {
        var json = JsonNode.Parse(CampaignDocs.Examples[0])!.AsObject();
        json["trigger"] = new JsonObject { ["type"] = "whenever" };

        var definition = CampaignDefinitionFile.Read(json.ToJsonString(), out var errors);

        Assert.Null(definition);
        var (path, messages) = Assert.Single(errors!);
        Assert.StartsWith("$.trigger", path, StringComparison.Ordinal);
        Assert.Contains("daysAfterPurchase", Assert.Single(messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_json_that_is_not_an_object()
    {
        Assert.Null(CampaignDefinitionFile.Read("null", out var errors));
        Assert.Equal(["$"], errors!.Keys);
        Assert.Null(CampaignDefinitionFile.Read("{ \"id\": ", out errors));
        Assert.Single(errors!);
    }
}
