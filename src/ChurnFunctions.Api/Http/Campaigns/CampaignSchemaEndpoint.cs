using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http.Campaigns;

/// <summary>
/// GET /api/campaigns/schema: the JSON Schema of campaign definitions (docs/campaign.schema.json, embedded at build).
/// No key: it describes the format and holds no data.
/// </summary>
public sealed class CampaignSchemaEndpoint
{
    public const string ResourceName = "campaign.schema.json";
    private static readonly Lazy<byte[]> Schema = new(Load);

    public IResult Get() => TypedResults.Bytes(Schema.Value, "application/schema+json");

    /// <summary>The schema as served.</summary>
    public static byte[] Load()
    {
        using var stream = typeof(CampaignSchemaEndpoint).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
