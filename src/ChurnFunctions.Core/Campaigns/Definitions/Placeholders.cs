using System.Text.RegularExpressions;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Placeholders in template data, SMS text and staff tasks: {{name}} or {{name|fallback}} (the fallback when the
/// value is missing, e.g. "Hi {{firstName|there}}"). Names: firstName, lastName, couponCode (the latest coupon this
/// instance issued), campaignName, surveyLink (a signed exit-survey link, see
/// <see cref="Engagement.SurveyLinks"/>; empty where survey links are not configured). Anything else is a validation error; at run time an unknown or missing value with
/// no fallback renders as empty text.
/// </summary>
public static partial class Placeholders
{
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string CouponCode = "couponCode";
    public const string CampaignName = "campaignName";
    public const string SurveyLink = "surveyLink";

    public static IReadOnlyList<string> Known { get; } = [FirstName, LastName, CouponCode, CampaignName, SurveyLink];

    /// <summary>The placeholder names used in <paramref name="text"/>, in order of appearance.</summary>
    public static IReadOnlyList<string> Find(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Pattern().Matches(text).Select(m => m.Groups["name"].Value).ToList();

    public static string Render(string text, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Pattern().Replace(text, match =>
        {
            var value = values.TryGetValue(match.Groups["name"].Value, out var found) ? found : null;
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            return match.Groups["fallback"].Success ? match.Groups["fallback"].Value : "";
        });
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z][A-Za-z0-9_]*)\s*(?:\|(?<fallback>[^}]*))?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    internal static string Describe(IEnumerable<string> names) => string.Join(", ", names.Select(n => "{{" + n + "}}"));
}
