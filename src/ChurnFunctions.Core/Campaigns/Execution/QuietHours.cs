namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Quiet hours in the customer's local time. Works on local wall-clock times and converts back through the zone's
/// rules, so a night that crosses midnight or a DST change ends at the right instant.
/// </summary>
public static class QuietHours
{
    /// <summary>
    /// <paramref name="instant"/> if it is outside quiet hours in <paramref name="zone"/>, else the instant quiet
    /// hours end (local <paramref name="end"/> the same or the next day). <paramref name="start"/> after
    /// <paramref name="end"/> means the quiet hours cross midnight; equal means none.
    /// </summary>
    public static DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone, TimeOnly start, TimeOnly end)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (start == end)
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        var date = DateOnly.FromDateTime(local);
        DateOnly endDate;
        if (start > end)
        {
            if (time >= start)
            {
                endDate = date.AddDays(1);
            }
            else if (time < end)
            {
                endDate = date;
            }
            else
            {
                return instant;
            }
        }
        else if (time >= start && time < end)
        {
            endDate = date;
        }
        else
        {
            return instant;
        }

        return ToInstant(endDate.ToDateTime(end), zone);
    }

    /// <summary>
    /// The instant of a local wall-clock time. A time skipped by a spring-forward moves to the first valid minute after
    /// it (02:30 on a 02:00-&gt;03:00 night is 03:00); a time repeated by a fall-back is its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime localTime, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified);
        for (var minutes = 0; zone.IsInvalidTime(local) && minutes < 2 * 24 * 60; minutes++)
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
