using System.Text.Json;

namespace ChurnFunctions.Core.Sources;

/// <summary>Lenient readers over <see cref="JsonElement"/>: platforms send null, "" or a missing property alike.</summary>
internal static class JsonValues
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    /// <summary>A non-blank string, trimmed; null otherwise.</summary>
    public static string? String(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { } text &&
        !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    /// <summary>
    /// An id as text, whether sent as a number or a string. Numbers are taken as written (raw text) so a 64-bit
    /// Shopify id never passes through a double.
    /// </summary>
    public static string? Id(this JsonElement element, string name) => element.Property(name) switch
    {
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        { ValueKind: JsonValueKind.String } text when !string.IsNullOrWhiteSpace(text.GetString()) => text.GetString()!.Trim(),
        _ => null,
    };

    /// <summary>A decimal sent as a JSON number or as an invariant string ("199.00").</summary>
    public static decimal? Decimal(this JsonElement element, string name) => element.Property(name) switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var value) => value,
        { ValueKind: JsonValueKind.String } text when Money.TryParse(text.GetString(), out var value) => value,
        _ => null,
    };

    public static long? Int64(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Number } number && number.TryGetInt64(out var value)
            ? value
            : null;

    public static bool? Boolean(this JsonElement element, string name) => element.Property(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>An ISO 8601 timestamp that carries its offset (or Z); see <see cref="Timestamps.TryParseWithOffset"/>.</summary>
    public static DateTimeOffset? Timestamp(this JsonElement element, string name) =>
        Timestamps.TryParseWithOffset(element.String(name), out var value) ? value : null;
}
