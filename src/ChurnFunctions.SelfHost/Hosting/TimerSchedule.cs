using System.Globalization;
using NCrontab;

namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>
/// A timer schedule in the forms the Azure Functions timer trigger accepts: a six-field NCRONTAB expression
/// "{second} {minute} {hour} {day} {month} {day-of-week}" (e.g. "0 30 2 * * *"), parsed by NCrontab, the library the
/// Functions timer uses, so both hosts read a schedule the same way; or a <see cref="TimeSpan"/> interval ("00:05:00").
/// </summary>
/// <remarks>
/// Occurrences are in UTC, the Functions default. Functions honours WEBSITE_TIME_ZONE; the self-host does not, so
/// write schedules in UTC. An interval is read by <see cref="TimeSpan.TryParse(string, IFormatProvider, out TimeSpan)"/>
/// as Functions reads it, so "24:00:00" means 24 days; its next occurrence is the given time plus the interval.
/// </remarks>
public sealed class TimerSchedule
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    private readonly CrontabSchedule? _cron;

    private TimerSchedule(string expression, CrontabSchedule? cron, TimeSpan? interval)
    {
        Expression = expression;
        _cron = cron;
        Interval = interval;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>The interval when the schedule is a <see cref="TimeSpan"/>; null for an NCRONTAB expression.</summary>
    public TimeSpan? Interval { get; }

    /// <summary>Parses an NCRONTAB expression with seconds or an interval.</summary>
    /// <exception cref="FormatException">The expression is neither; for a bad expression the message is NCrontab's.</exception>
    public static TimerSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var trimmed = expression.Trim();
        var isSingleToken = trimmed.Length > 0 && !trimmed.Any(char.IsWhiteSpace);
        if (isSingleToken && trimmed.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero
                ? new TimerSchedule(expression, null, interval)
                : throw new FormatException($"'{expression}' is neither a 6-field NCRONTAB expression nor a positive interval (hh:mm:ss).");
        }

        try
        {
            return new TimerSchedule(expression, CrontabSchedule.Parse(trimmed, WithSeconds), null);
        }
        catch (CrontabException e)
        {
            // NCrontab says what is wrong; a bad field's message does not name the expression, so add it.
            var message = e.Message.Contains(trimmed, StringComparison.Ordinal)
                ? e.Message
                : $"'{trimmed}' is not a valid NCRONTAB expression: {e.Message}";
            throw new FormatException(message, e);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC (offset zero).</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        if (Interval is { } interval)
        {
            return after.ToUniversalTime() + interval;
        }

        var next = _cron!.GetNextOccurrence(after.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    /// <summary>The next <paramref name="count"/> occurrences after <paramref name="after"/>.</summary>
    public IReadOnlyList<DateTimeOffset> GetNextOccurrences(DateTimeOffset after, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new List<DateTimeOffset>(count);
        for (var i = 0; i < count; i++)
        {
            after = GetNextOccurrence(after);
            result.Add(after);
        }

        return result;
    }

    public override string ToString() => Expression;
}
