namespace ChurnFunctions.Testing;

/// <summary>
/// Fixed-offset IANA zones chosen by what their clock says now, so a campaign test or benchmark can put a customer
/// well inside quiet hours (21-08) or well outside them for the minutes it runs, whatever the time of day.
/// </summary>
public static class FixedOffsetZones
{
    /// <summary>A zone where it is 23:00-06:00 now, and one where it is 10:00-19:00.</summary>
    public static (string Quiet, string Open) Now(DateTimeOffset now)
    {
        string? quiet = null, open = null;
        for (var offset = -12; offset <= 14; offset++)
        {
            // IANA's Etc zones have inverted signs: Etc/GMT-3 is UTC+3.
            var id = offset == 0 ? "Etc/UTC" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
            var hour = now.ToOffset(TimeSpan.FromHours(offset)).TimeOfDay.TotalHours;
            if (hour is >= 23 and < 24 or >= 0 and < 6)
            {
                quiet ??= id;
            }
            else if (hour is >= 10 and < 19)
            {
                open ??= id;
            }
        }

        return (quiet!, open!);
    }
}
