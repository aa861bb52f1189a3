using System.Globalization;

namespace ChurnFunctions.Core.Scoring.Comparison;

/// <summary>A period of whole days, both ends included; written FROM..TO in ISO dates (2024-01-01..2024-01-31).</summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    public const string Separator = "..";

    public static bool TryParse(string? text, out Period? period, out string? error)
    {
        period = null;
        var parts = (text ?? string.Empty).Split(Separator);
        if (parts.Length != 2 || !Day(parts[0], out var from) || !Day(parts[1], out var to))
        {
            error = "Use FROM..TO with ISO dates, both days included, e.g. 2024-01-01..2024-01-31.";
            return false;
        }

        if (to < from)
        {
            error = "The period ends before it starts.";
            return false;
        }

        (period, error) = (new Period(from, to), null);
        return true;
    }

    public override string ToString() => $"{From:yyyy-MM-dd}{Separator}{To:yyyy-MM-dd}";

    private static bool Day(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
