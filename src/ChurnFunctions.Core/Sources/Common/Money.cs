using System.Globalization;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources;

/// <summary>Money parsed invariantly: platforms send "199.00" whatever the shop's locale.</summary>
internal static class Money
{
    private const NumberStyles Style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign |
                                       NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>
    /// The largest amount or quantity taken, in absolute value (10^12). A line is at most this squared (10^24), and
    /// decimal holds 7.9 x 10^28: a customer's totals of bounded transactions cannot overflow in any real history.
    /// </summary>
    public const decimal MaxAmount = IntakeLimits.MaxAmount;

    public static bool IsInRange(decimal value) => Math.Abs(value) <= MaxAmount;

    /// <summary>An invariant decimal within <see cref="MaxAmount"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value) =>
        TryParseUnbounded(text, out value) && IsInRange(value);

    /// <summary>Digits with an optional sign and point: a number, if one too large for decimal.</summary>
    public static bool LooksNumeric(ReadOnlySpan<char> text) =>
        double.TryParse(text, Style, CultureInfo.InvariantCulture, out _);

    public static bool TryParseUnbounded(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Converts an amount in the currency's smallest unit (Square's amount_money) to a decimal amount.
    /// ISO 4217 gives the number of minor digits: JPY has none, so 500 means 500 yen, while KWD has three.
    /// </summary>
    public static decimal FromMinorUnits(long amount, string currency) =>
        MinorDigits(currency) switch
        {
            0 => amount,
            3 => amount / 1000m,
            _ => amount / 100m,
        };

    public static int MinorDigits(string currency) => currency.ToUpperInvariant() switch
    {
        "BIF" or "CLP" or "DJF" or "GNF" or "ISK" or "JPY" or "KMF" or "KRW" or "PYG" or "RWF" or "UGX" or "UYI"
            or "VND" or "VUV" or "XAF" or "XOF" or "XPF" => 0,
        "BHD" or "IQD" or "JOD" or "KWD" or "LYD" or "OMR" or "TND" => 3,
        _ => 2,
    };

    /// <summary>Three ASCII letters, as ISO 4217 codes are.</summary>
    public static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) && char.IsAsciiLetter(code[2]);
}
