using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// The one JSON shape of definitions, instance state, inputs and actions: camelCase, enums as camelCase strings,
/// the "type" discriminator allowed anywhere in an object, TimeSpan as "d.hh:mm:ss".
/// </summary>
public static class CampaignJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static CampaignDefinition? ReadDefinition(string json) => JsonSerializer.Deserialize<CampaignDefinition>(json, Options);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
