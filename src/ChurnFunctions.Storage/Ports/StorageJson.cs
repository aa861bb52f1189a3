using System.Text.Json.Serialization;

namespace ChurnFunctions.Storage.Ports;

/// <summary>Compact JSON for the list and dictionary columns (source-generated; short names keep entities small).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<LineJson>))]
[JsonSerializable(typeof(List<ConsentJson>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, decimal>))]
internal sealed partial class StorageJson : JsonSerializerContext;

internal sealed record LineJson(
    [property: JsonPropertyName("s")] string? Sku,
    [property: JsonPropertyName("c")] string? Category,
    [property: JsonPropertyName("q")] decimal Quantity,
    [property: JsonPropertyName("a")] decimal Amount);

internal sealed record ConsentJson(
    [property: JsonPropertyName("c")] string Channel,
    [property: JsonPropertyName("g")] bool Granted,
    [property: JsonPropertyName("s")] string Source,
    [property: JsonPropertyName("a")] DateTimeOffset At);
