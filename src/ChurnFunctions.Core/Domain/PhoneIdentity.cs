using System.Globalization;
using PhoneNumbers;

namespace ChurnFunctions.Core.Domain;

/// <summary>
/// Phone numbers as identities: E.164 by libphonenumber, which knows each region's numbering plan (an Italian
/// "06 1234 5678" keeps its 0: +390612345678), with a default region (ISO 3166 code) for numbers given without a
/// country code. An extension is not part of the identity. Anything that is not a possible number is no identity.
/// </summary>
public static class PhoneIdentity
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>E.164 (+ and the digits), or null when <paramref name="raw"/> is not a possible phone number.</summary>
    public static string? ToE164(string? raw, string? defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 100)
        {
            return null;
        }

        try
        {
            // "ZZ" (unknown region) parses only numbers that carry their country code.
            var number = Util.Parse(raw, IsSupportedRegion(defaultRegion) ? defaultRegion!.Trim().ToUpperInvariant() : "ZZ");
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>True for an ISO 3166 region code libphonenumber has a numbering plan for (US, GB, IT, ...).</summary>
    public static bool IsSupportedRegion(string? region) =>
        !string.IsNullOrWhiteSpace(region) && Util.GetSupportedRegions().Contains(region.Trim().ToUpperInvariant());

    /// <summary><paramref name="region"/> when it is a supported region (upper-cased), else <paramref name="fallback"/>.</summary>
    public static string? RegionOr(string? region, string? fallback) =>
        IsSupportedRegion(region) ? region!.Trim().ToUpperInvariant() : fallback;

    /// <summary>The main region of a calling code ("1" is US, "44" GB, "39" IT), or null when it has none.</summary>
    public static string? RegionOfCallingCode(string? callingCode)
    {
        if (!int.TryParse(callingCode?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        var region = Util.GetRegionCodeForCountryCode(code);
        return region == "ZZ" || region == "001" ? null : region;
    }

    /// <summary>
    /// The key form the rule before libphonenumber gave the same number when it came without its country code: that
    /// rule dropped every leading 0 of the national number, so +390612345678 was stored as +39612345678. Null when
    /// both rules agree (no national number starting with 0), so there is nothing else to look for.
    /// </summary>
    public static string? LegacyForm(string e164)
    {
        ArgumentException.ThrowIfNullOrEmpty(e164);
        try
        {
            var number = Util.Parse(e164, "ZZ");
            var national = Util.GetNationalSignificantNumber(number);
            if (!national.StartsWith('0'))
            {
                return null;
            }

            var legacy = "+" + number.CountryCode.ToString(CultureInfo.InvariantCulture) + national.TrimStart('0');
            return legacy != e164 ? legacy : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
