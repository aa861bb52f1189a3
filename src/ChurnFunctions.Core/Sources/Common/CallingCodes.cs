namespace ChurnFunctions.Core.Sources;

/// <summary>
/// Country calling codes for the countries a billing address most often names, so a national number ("030 1234567"
/// with country DE) becomes +49... rather than taking the deployment's default code. Anything else falls back.
/// </summary>
internal static class CallingCodes
{
    private static readonly Dictionary<string, string> ByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = "1", ["CA"] = "1", ["PR"] = "1", ["GB"] = "44", ["IE"] = "353", ["DE"] = "49", ["AT"] = "43",
        ["CH"] = "41", ["FR"] = "33", ["BE"] = "32", ["NL"] = "31", ["LU"] = "352", ["ES"] = "34", ["PT"] = "351",
        ["IT"] = "39", ["DK"] = "45", ["SE"] = "46", ["NO"] = "47", ["FI"] = "358", ["PL"] = "48", ["CZ"] = "420",
        ["AU"] = "61", ["NZ"] = "64", ["JP"] = "81", ["KR"] = "82", ["SG"] = "65", ["IN"] = "91", ["MX"] = "52",
        ["BR"] = "55", ["ZA"] = "27",
    };

    public static string? For(string? countryIso2, string? fallback) =>
        countryIso2 is not null && ByCountry.TryGetValue(countryIso2.Trim(), out var code) ? code : fallback;
}
