using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Core.Engagement;

/// <summary>Reason names as the API reads and writes them: camelCase ("productQuality"); "product_quality" and "product quality" also read.</summary>
public static class ChurnReasons
{
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<ChurnReason>().Select(Name)];

    public static string Name(ChurnReason reason) => JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

    public static bool TryParse(string? text, [NotNullWhen(true)] out ChurnReason? reason)
    {
        reason = null;
        var compact = text?.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(compact) || !compact.All(char.IsAsciiLetter)
            || !Enum.TryParse<ChurnReason>(compact, ignoreCase: true, out var parsed))
        {
            return false;
        }

        reason = parsed;
        return true;
    }
}
