using System.Globalization;
using NCrontab;

namespace ChurnFunctions.Api.Configuration;

/// <summary>
/// The timers' schedule settings (ScoreSchedule, EnrollSchedule; the trigger table names them), checked at start in
/// both hosts. In Azure the Functions host reads them itself and, on a bad one, only marks that function in error while
/// the app runs on without its nightly jobs; validated here, the app stops and says which setting is wrong.
/// </summary>
public sealed class TimerScheduleOptions
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    /// <summary>Setting name to its value; a blank is unset (the self-host then uses the table's default).</summary>
    public Dictionary<string, string?> Schedules { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What both hosts accept: a six-field NCRONTAB expression, seconds first, or a positive interval (hh:mm:ss).</summary>
    public static bool IsValid(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return true;
        }

        var trimmed = schedule.Trim();
        if (!trimmed.Any(char.IsWhiteSpace) && trimmed.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero;
        }

        return CrontabSchedule.TryParse(trimmed, WithSeconds) is not null;
    }
}
