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
    /// <exception cref="InvalidFieldException">The string holds an unpaired surrogate escape ("\ud800").</exception>
    public static string? String(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.String } value && Text(value, name) is { } text &&
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
        { ValueKind: JsonValueKind.String } text when Text(text, name) is { } value && !string.IsNullOrWhiteSpace(value) => value.Trim(),
        _ => null,
    };

    /// <summary>A decimal sent as a JSON number or as an invariant string ("199.00").</summary>
    /// <exception cref="InvalidFieldException">The value is beyond <see cref="Money.MaxAmount"/> either way.</exception>
    public static decimal? Decimal(this JsonElement element, string name)
    {
        decimal? value = element.Property(name) switch
        {
            { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var parsed) => parsed,
            { ValueKind: JsonValueKind.Number } => throw OutOfRange(name),
            { ValueKind: JsonValueKind.String } text when Money.TryParseUnbounded(Text(text, name), out var parsed) => parsed,
            { ValueKind: JsonValueKind.String } text when Money.LooksNumeric(text.GetString()) => throw OutOfRange(name),
            _ => null,
        };

        // Bounded here, before any reader multiplies or adds: a price times a quantity, or a sum of refunds, stays far
        // inside decimal, and so does a customer's running total of such amounts.
        return value is { } amount && !Money.IsInRange(amount) ? throw OutOfRange(name) : value;
    }

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

    private static string? Text(JsonElement value, string name)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json accepts "\ud800" while parsing but cannot turn it into a string.
            throw new InvalidFieldException(name, "Not valid text: holds an unpaired surrogate escape.");
        }
    }

    private static InvalidFieldException OutOfRange(string name) =>
        new(name, "Out of range: amounts and quantities are at most 10^12 in absolute value.");

    /// <summary>An ISO 8601 timestamp that carries its offset (or Z); see <see cref="Timestamps.TryParseWithOffset"/>.</summary>
    public static DateTimeOffset? Timestamp(this JsonElement element, string name) =>
        Timestamps.TryParseWithOffset(element.String(name), out var value) ? value : null;
}
