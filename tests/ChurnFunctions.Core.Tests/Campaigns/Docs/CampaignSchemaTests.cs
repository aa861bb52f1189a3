using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Scoring;
using Json.Schema;

namespace ChurnFunctions.Core.Tests.Campaigns.Docs;

public sealed class CampaignSchemaTests
{
    [Fact]
    public void Every_documented_example_is_valid_against_the_schema()
    {
        var schema = CampaignDocs.Schema;
        Assert.True(CampaignDocs.Examples.Count >= 2, "docs/campaigns.md should hold the win-back and the 30-day care example.");
        foreach (var example in CampaignDocs.Examples)
        {
            using var document = JsonDocument.Parse(example);
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, Describe(result) + "\n" + example);
        }
    }

    [Fact]
    public void Every_documented_example_loads_through_the_parser_and_passes_the_validator()
    {
        var ids = new List<string>();
        foreach (var example in CampaignDocs.Examples)
        {
            var definition = CampaignJson.ReadDefinition(example);
            Assert.NotNull(definition);
            Assert.Null(CampaignDefinitionValidator.Validate(definition));
            ids.Add(definition.Id);
        }

        Assert.Contains("win-back", ids);
        Assert.Contains("care-30", ids);
    }

    [Fact]
    public void The_documented_win_back_calls_and_the_care_campaign_sends_the_survey_link()
    {
        var definitions = CampaignDocs.Examples.Select(e => CampaignJson.ReadDefinition(e)!).ToDictionary(d => d.Id);

        Assert.IsType<SegmentEnteredTrigger>(definitions["win-back"].Trigger);
        Assert.Contains(definitions["win-back"].Steps, s => s is CreateStaffTaskStep);
        var care = definitions["care-30"];
        Assert.Equal(new DaysAfterPurchaseTrigger(30), care.Trigger);
        Assert.False(care.Exit.OnPurchase);
        Assert.Contains("{{surveyLink}}", Assert.IsType<SendEmailStep>(care.Steps[0]).TemplateData.Values);
    }

    [Fact]
    public void Schema_names_exactly_the_fields_the_parser_reads()
    {
        var defs = CampaignDocs.SchemaNode["$defs"]!.AsObject();
        AssertSameFields(typeof(CampaignDefinition), CampaignDocs.SchemaNode, "the root");
        AssertSameFields(typeof(AudienceFilter), defs["audience"]!, "audience");
        AssertSameFields(typeof(ExitConditions), defs["exit"]!, "exit");
        foreach (var (type, name) in Derived(typeof(CampaignTrigger)))
        {
            var def = defs["trigger-" + name] ?? throw new Xunit.Sdk.XunitException($"The schema has no $defs/trigger-{name}.");
            AssertSameFields(type, def, "trigger " + name, discriminator: true);
            Assert.Equal(name, def["properties"]!["type"]!["const"]!.GetValue<string>());
        }

        foreach (var (type, name) in Derived(typeof(CampaignStep)))
        {
            var def = defs["step-" + name] ?? throw new Xunit.Sdk.XunitException($"The schema has no $defs/step-{name}.");
            AssertSameFields(type, def, "step " + name, discriminator: true);
            Assert.Equal(name, def["properties"]!["type"]!["const"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Schema_lists_the_choices_the_parser_and_validator_accept()
    {
        var defs = CampaignDocs.SchemaNode["$defs"]!.AsObject();
        Assert.Equal(CampaignChoices.TriggerTypes, Enum(defs["trigger"]!["properties"]!["type"]!));
        Assert.Equal(CampaignChoices.StepTypes, Enum(defs["step"]!["properties"]!["type"]!));
        Assert.Equal(CampaignChoices.BranchConditions, Enum(defs["branchCondition"]!));
        Assert.Equal(CampaignChoices.ChurnReasons, Enum(defs["churnReason"]!));
        Assert.Equal(CampaignChoices.Channels, Enum(defs["channel"]!));
        Assert.Equal(ScoreNames.Segments, Enum(defs["segment"]!));
        Assert.Equal(ScoreNames.ValueTiers, Enum(defs["valueTier"]!));
        Assert.Equal(Derived(typeof(CampaignTrigger)).Count, defs["trigger"]!["oneOf"]!.AsArray().Count);
        Assert.Equal(Derived(typeof(CampaignStep)).Count, defs["step"]!["oneOf"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{ "id": "x", "name": "X", "trigger": { "type": "partialChurn" }, "steps": [ { "type": "sendFax", "id": "a" } ] }""")]
    [InlineData("""{ "id": "x", "name": "X", "trigger": { "type": "partialChurn" }, "holdoutPercentage": 5, "steps": [ { "type": "wait", "id": "a", "duration": "1.00:00:00" } ] }""")]
    [InlineData("""{ "id": "x", "name": "X", "trigger": { "type": "segmentEntered", "segment": "AtRisk" }, "steps": [ { "type": "wait", "id": "a", "duration": "1.00:00:00" } ] }""")]
    [InlineData("""{ "id": "x", "name": "X", "trigger": { "type": "partialChurn" }, "steps": [ { "type": "wait", "id": "a", "duration": "one day" } ] }""")]
    [InlineData("""{ "id": "X Y", "name": "X", "trigger": { "type": "partialChurn" }, "steps": [ { "type": "wait", "id": "a", "duration": "1.00:00:00" } ] }""")]
    public void Schema_refuses_a_mistake(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(CampaignDocs.Schema.Evaluate(document.RootElement).IsValid);
    }

    private static void AssertSameFields(Type type, JsonNode schemaObject, string where, bool discriminator = false)
    {
        var parser = CampaignJson.Options.GetTypeInfo(type).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (discriminator)
        {
            parser.Add("type");
        }

        var schema = schemaObject["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        Assert.True(parser.SetEquals(schema),
            $"{where}: the parser reads [{string.Join(", ", parser.Order())}], the schema names [{string.Join(", ", schema.Order())}].");
        Assert.False(schemaObject["additionalProperties"]?.GetValue<bool>() ?? true, $"{where}: the schema should refuse unknown fields.");
    }

    private static List<(Type Type, string Name)> Derived(Type baseType) =>
        [.. baseType.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (a.DerivedType, (string)a.TypeDiscriminator!))];

    private static List<string> Enum(JsonNode node) => [.. node["enum"]!.AsArray().Select(v => v!.GetValue<string>())];

    private static string Describe(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));
}
