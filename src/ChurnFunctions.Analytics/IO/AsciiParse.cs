using System.Globalization;

namespace ChurnFunctions.Analytics.IO;

/// <summary>Allocation-free parsing of the few field shapes the transaction files use.</summary>
internal static class AsciiParse
{
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool TryLong(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 18) return false;
        foreach (var b in s)
        {
            if (!IsDigit(b)) return false;
            value = value * 10 + (b - '0');
        }

        return true;
    }

    public static bool TryDouble(ReadOnlySpan<byte> s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>yyyyMMdd (CDNOW).</summary>
    public static bool TryCompactDate(ReadOnlySpan<byte> s, out int dayNumber)
    {
        dayNumber = 0;
        if (s.Length != 8 || !TryLong(s, out var v)) return false;
        return TryDay((int)(v / 10000), (int)(v / 100 % 100), (int)(v % 100), out dayNumber);
    }

    /// <summary>ISO 8601 date, or date-time whose date part is taken as is (day resolution, the file's own offset).</summary>
    public static bool TryIsoDate(ReadOnlySpan<byte> s, out int dayNumber)
    {
        dayNumber = 0;
        if (s.Length < 10 || s[4] != (byte)'-' || s[7] != (byte)'-') return false;
        if (s.Length > 10 && s[10] != (byte)'T' && s[10] != (byte)' ') return false;
        if (!TryLong(s[..4], out var y) || !TryLong(s.Slice(5, 2), out var m) || !TryLong(s.Slice(8, 2), out var d)) return false;
        return TryDay((int)y, (int)m, (int)d, out dayNumber);
    }

    private static bool TryDay(int year, int month, int day, out int dayNumber)
    {
        dayNumber = 0;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        dayNumber = new DateOnly(year, month, day).DayNumber;
        return true;
    }
}
