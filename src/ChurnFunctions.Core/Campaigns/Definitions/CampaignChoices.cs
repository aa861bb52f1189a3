using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Scoring;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// The valid choices of every named field of a definition, read from the types themselves (the "type" discriminators,
/// the enums in <see cref="CampaignJson"/>'s camelCase, the score vocabulary), so an error can list them.
/// </summary>
public static class CampaignChoices
{
    public static IReadOnlyList<string> TriggerTypes { get; } = Discriminators(typeof(CampaignTrigger));

    public static IReadOnlyList<string> StepTypes { get; } = Discriminators(typeof(CampaignStep));

    public static IReadOnlyList<string> BranchConditions { get; } = EnumNames<BranchCondition>();

    public static IReadOnlyList<string> ChurnReasons { get; } = EnumNames<ChurnReason>();

    public static IReadOnlyList<string> Channels { get; } = EnumNames<MessageChannel>();

    public static string Describe(IEnumerable<string> choices) => string.Join(", ", choices.Select(c => $"'{c}'"));

    /// <summary>
    /// The choices for the field a JSON error is about, by the last name in its path ("$.steps[2].type" -&gt; step types),
    /// or null when the field is not a named choice.
    /// </summary>
    public static IReadOnlyList<string>? For(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath))
        {
            return null;
        }

        var field = jsonPath[(jsonPath.LastIndexOf('.') + 1)..];
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        field = bracket >= 0 ? field[..bracket] : field;
        return field switch
        {
            "trigger" => TriggerTypes,
            "type" when jsonPath.Contains("trigger", StringComparison.Ordinal) && !jsonPath.Contains("steps", StringComparison.Ordinal) => TriggerTypes,
            "type" or "steps" or "then" or "else" => StepTypes,
            "condition" => BranchConditions,
            "reason" => ChurnReasons,
            "requiredConsent" => Channels,
            "segment" or "segments" => ScoreNames.Segments,
            "valueTiers" => ScoreNames.ValueTiers,
            _ => null,
        };
    }

    private static string[] Discriminators(Type type) =>
        [.. type.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!)];

    private static string[] EnumNames<T>()
        where T : struct, Enum => [.. Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName)];
}
