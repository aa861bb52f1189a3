using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace ChurnFunctions.Core.Tests.Campaigns.Docs;

/// <summary>docs/campaign.schema.json and the examples of docs/campaigns.md, as copied next to the tests.</summary>
internal static partial class CampaignDocs
{
    public static string SchemaText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "campaign.schema.json"));

    public static JsonObject SchemaNode => JsonNode.Parse(SchemaText)!.AsObject();

    public static JsonSchema Schema => JsonSchema.FromText(SchemaText);

    /// <summary>Every ```json block of docs/campaigns.md.</summary>
    public static IReadOnlyList<string> Examples =>
        [.. JsonBlock().Matches(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "campaigns.md"))).Select(m => m.Groups["json"].Value)];

    [GeneratedRegex("```json\\s*\\n(?<json>.*?)\\n```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex JsonBlock();
}
