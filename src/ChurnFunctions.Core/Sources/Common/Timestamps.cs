using System.Globalization;

namespace ChurnFunctions.Core.Sources;

/// <summary>ISO 8601 parsing that never falls back to the server's local zone.</summary>
internal static class Timestamps
{
    /// <summary>A date-time with an explicit offset or Z ("2024-05-01T10:00:00+02:00"); the offset is kept.</summary>
    public static bool TryParseWithOffset(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null && HasOffset(text) &&
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>A date-time without an offset read as UTC (WooCommerce's *_gmt fields, CSV rows).</summary>
    public static bool TryParseAsUtc(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !text.Contains('T', StringComparison.Ordinal) || HasOffset(text))
        {
            return false;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            return false;
        }

        value = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }

    /// <summary>A calendar date "yyyy-MM-dd".</summary>
    public static bool TryParseDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0)
        {
            return false;
        }

        var time = text.AsSpan(t + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') >= 0;
    }
}
