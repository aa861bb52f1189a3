using System.Globalization;

namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>
/// A timer schedule in the forms the Azure Functions timer trigger accepts: a six-field NCRONTAB expression
/// "{second} {minute} {hour} {day} {month} {day-of-week}" (e.g. "0 30 2 * * *", "0 */5 * * * *") or a
/// <see cref="TimeSpan"/> interval ("00:05:00").
/// </summary>
/// <remarks>
/// <para>
/// Each field takes <c>*</c>, a value, a range <c>1-5</c>, a list <c>1,3,5</c> and steps <c>*/15</c>,
/// <c>10-40/10</c> or <c>5/15</c> (5 to the field's maximum, every 15). Months and days of the week also take
/// names, case-insensitive, whole or cut to at least three letters (Jan, Mon). Day of week is 0-6 with 0 = Sunday;
/// 7 is rejected, as NCrontab rejects it.
/// </para>
/// <para>
/// When both day of month and day of week are restricted, a day must match <em>both</em>
/// ("0 0 0 13 * Fri" is Friday the 13th). That is what NCrontab, and so the Functions timer trigger, does;
/// crontab(5) would run on either.
/// </para>
/// <para>
/// Occurrences are computed in UTC, the Functions default. Functions honours WEBSITE_TIME_ZONE; the self-host does
/// not, so write schedules in UTC.
/// </para>
/// <para>
/// An interval is parsed by <see cref="TimeSpan.Parse(string, IFormatProvider)"/>, as Functions does, so
/// "24:00:00" means 24 days, not one. Its next occurrence is the given time plus the interval.
/// </para>
/// </remarks>
public sealed class NcrontabSchedule
{
    private static readonly TimeSpan SearchLimit = TimeSpan.FromDays(366 * 50);

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private static readonly Field[] Fields =
    [
        new("second", 0, 59, null),
        new("minute", 0, 59, null),
        new("hour", 0, 23, null),
        new("day-of-month", 1, 31, null),
        new("month", 1, 12, MonthNames),
        new("day-of-week", 0, 6, DayNames),
    ];

    private readonly ulong[] _allowed;

    private NcrontabSchedule(string expression, ulong[] allowed, TimeSpan? interval)
    {
        Expression = expression;
        _allowed = allowed;
        Interval = interval;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>The interval when the schedule is a <see cref="TimeSpan"/>; null for an NCRONTAB expression.</summary>
    public TimeSpan? Interval { get; }

    /// <summary>Parses an NCRONTAB expression or an interval.</summary>
    /// <exception cref="FormatException">The expression is neither, with what is wrong.</exception>
    public static NcrontabSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var trimmed = expression.Trim();
        if (trimmed.Length == 0)
        {
            throw new FormatException("A timer schedule cannot be empty.");
        }

        var tokens = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 1 && trimmed.Contains(':', StringComparison.Ordinal))
        {
            return ParseInterval(expression, trimmed);
        }

        if (tokens.Length != Fields.Length)
        {
            var hint = tokens.Length == 5 ? " A five-field crontab lacks the leading seconds field: prefix it with \"0 \"." : "";
            throw new FormatException(
                $"'{expression}' is not a valid NCRONTAB expression: it has {tokens.Length} field(s), and needs 6 " +
                $"(second minute hour day month day-of-week) or an interval such as 00:05:00.{hint}");
        }

        var allowed = new ulong[Fields.Length];
        for (var i = 0; i < Fields.Length; i++)
        {
            allowed[i] = ParseField(expression, Fields[i], tokens[i]);
        }

        if (!AnyDayExists(allowed[3], allowed[4]))
        {
            throw new FormatException($"'{expression}' is not a valid NCRONTAB expression: no selected month has any of the selected days.");
        }

        return new NcrontabSchedule(expression, allowed, null);
    }

    /// <summary>Like <see cref="Parse"/>, without throwing.</summary>
    public static bool TryParse(string? expression, out NcrontabSchedule? schedule, out string? error)
    {
        schedule = null;
        error = null;
        if (expression is null)
        {
            error = "A timer schedule cannot be null.";
            return false;
        }

        try
        {
            schedule = Parse(expression);
            return true;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC (offset zero).</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        if (Interval is { } interval)
        {
            return after.ToUniversalTime() + interval;
        }

        var start = after.UtcDateTime;
        var t = new DateTime(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(1);
        var limit = start + SearchLimit;
        while (t <= limit)
        {
            if (!Has(4, t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
            }
            else if (!Has(3, t.Day) || !Has(5, (int)t.DayOfWeek))
            {
                t = t.Date.AddDays(1);
            }
            else if (!Has(2, t.Hour))
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
            }
            else if (!Has(1, t.Minute))
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
            }
            else if (!Has(0, t.Second))
            {
                t = t.AddSeconds(1);
            }
            else
            {
                return new DateTimeOffset(t);
            }
        }

        throw new InvalidOperationException($"The schedule '{Expression}' has no occurrence within 50 years after {after:O}.");
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

    private bool Has(int field, int value) => (_allowed[field] & (1UL << value)) != 0;

    private static NcrontabSchedule ParseInterval(string expression, string trimmed)
    {
        if (!TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var interval))
        {
            throw new FormatException(
                $"'{expression}' is not a valid timer schedule: it is neither a 6-field NCRONTAB expression nor an interval (hh:mm:ss).");
        }

        if (interval <= TimeSpan.Zero)
        {
            throw new FormatException($"'{expression}' is not a valid timer schedule: an interval must be positive.");
        }

        return new NcrontabSchedule(expression, [], interval);
    }

    private static ulong ParseField(string expression, Field field, string token)
    {
        ulong bits = 0;
        foreach (var part in token.Split(','))
        {
            bits |= ParsePart(expression, field, token, part);
        }

        return bits;
    }

    private static ulong ParsePart(string expression, Field field, string token, string part)
    {
        if (part.Length == 0)
        {
            throw field.Error(expression, token, "a list has an empty element");
        }

        var step = 1;
        var slash = part.IndexOf('/', StringComparison.Ordinal);
        var range = part;
        if (slash >= 0)
        {
            var stepText = part[(slash + 1)..];
            if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step <= 0)
            {
                throw field.Error(expression, token, $"step '{stepText}' must be a positive whole number");
            }

            range = part[..slash];
        }

        int first;
        int last;
        if (range == "*")
        {
            (first, last) = (field.Min, field.Max);
        }
        else if (range.IndexOf('-', StringComparison.Ordinal) is var dash and > 0)
        {
            first = field.Value(expression, token, range[..dash]);
            last = field.Value(expression, token, range[(dash + 1)..]);
            if (first > last)
            {
                throw field.Error(expression, token, $"range {first}-{last} runs backwards");
            }
        }
        else
        {
            first = field.Value(expression, token, range);
            last = slash >= 0 ? field.Max : first;
        }

        ulong bits = 0;
        for (var v = first; v <= last; v += step)
        {
            bits |= 1UL << v;
        }

        return bits;
    }

    private static bool AnyDayExists(ulong days, ulong months)
    {
        int[] longest = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (var month = 1; month <= 12; month++)
        {
            if ((months & (1UL << month)) == 0)
            {
                continue;
            }

            for (var day = 1; day <= longest[month]; day++)
            {
                if ((days & (1UL << day)) != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed record Field(string Name, int Min, int Max, string[]? Names)
    {
        public int Value(string expression, string token, string text)
        {
            if (text.Length > 0 && char.IsAsciiDigit(text[0]))
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    throw Error(expression, token, $"'{text}' is not a number");
                }

                if (number < Min || number > Max)
                {
                    throw Error(expression, token, $"{number} is outside {Min}-{Max}");
                }

                return number;
            }

            if (Names is not null && text.Length >= 3)
            {
                for (var i = 0; i < Names.Length; i++)
                {
                    if (Names[i].StartsWith(text, StringComparison.OrdinalIgnoreCase))
                    {
                        return Min + i;
                    }
                }
            }

            var expected = Names is null
                ? $"a number {Min}-{Max}"
                : $"a number {Min}-{Max} or a name ({string.Join(", ", Names.Select(n => n[..3]))})";
            throw Error(expression, token, $"'{text}' is not {expected}");
        }

        public FormatException Error(string expression, string token, string reason) =>
            new($"'{expression}' is not a valid NCRONTAB expression: {Name} field '{token}': {reason}.");
    }
}
