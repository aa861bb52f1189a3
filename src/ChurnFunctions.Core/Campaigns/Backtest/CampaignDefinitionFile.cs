using System.Text.Json;

namespace ChurnFunctions.Core.Campaigns.Backtest;

/// <summary>
/// A campaign definition as POST /api/campaigns takes it, read from a file: the same JSON options, the same errors
/// keyed by JSON path (a parse error at its path, then <see cref="CampaignDefinitionValidator"/>'s).
/// </summary>
public static class CampaignDefinitionFile
{
    /// <returns>The definition, or null and <paramref name="errors"/> by JSON path.</returns>
    public static CampaignDefinition? Read(string json, out IReadOnlyDictionary<string, string[]>? errors)
    {
        CampaignDefinition? definition;
        try
        {
            definition = CampaignJson.ReadDefinition(json);
        }
        catch (JsonException ex)
        {
            errors = new Dictionary<string, string[]> { [ex.Path ?? "$"] = [Problem(ex)] };
            return null;
        }

        if (definition is null)
        {
            errors = new Dictionary<string, string[]> { ["$"] = ["Expected a campaign definition as a JSON object."] };
            return null;
        }

        errors = CampaignDefinitionValidator.Validate(definition);
        return errors is null ? definition : null;
    }

    // The serializer's own words when they name the type or value; otherwise a plain one, with the valid choices.
    private static string Problem(JsonException ex)
    {
        var message = ex.Message.StartsWith("JSON deserialization for type", StringComparison.Ordinal) || ex.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? ex.Message
            : "Not valid JSON for a campaign definition.";
        return CampaignChoices.For(ex.Path) is { } choices ? $"{message} Valid choices: {CampaignChoices.Describe(choices)}." : message;
    }
}
