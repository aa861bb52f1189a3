using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Campaigns.Tasks;

/// <summary>The call list's JSON: camelCase fields, status and outcome kebab-case ("not-reached", "do-not-call").</summary>
public static class StaffTaskJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The outcome named by its kebab-case spelling; false for anything else.</summary>
    public static bool TryParseOutcome(string? text, out StaffTaskOutcome outcome)
    {
        outcome = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var value in Enum.GetValues<StaffTaskOutcome>())
        {
            if (string.Equals(Name(value), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                outcome = value;
                return true;
            }
        }

        return false;
    }

    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(Name)];

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
