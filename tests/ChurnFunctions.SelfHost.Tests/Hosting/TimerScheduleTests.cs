using ChurnFunctions.SelfHost.Hosting;

namespace ChurnFunctions.SelfHost.Tests.Hosting;

/// <summary>What the self-host relies on from the schedule: the next occurrence in UTC, seconds first, intervals.</summary>
public sealed class TimerScheduleTests
{
    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso + "Z", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0 30 2 * * *", "2026-03-10T01:00:00", "2026-03-10T02:30:00")]
    [InlineData("0 30 2 * * *", "2026-03-10T02:30:00", "2026-03-11T02:30:00")]
    [InlineData("*/15 * * * * *", "2026-03-10T10:00:14.999", "2026-03-10T10:00:15")]
    [InlineData("0 0 3 * * *", "2026-12-31T23:59:59", "2027-01-01T03:00:00")]
    public void Next_occurrence_is_the_first_matching_second_after_the_given_time(string expression, string after, string expected) =>
        Assert.Equal(Utc(expected), TimerSchedule.Parse(expression).GetNextOccurrence(Utc(after)));

    [Fact]
    public void The_first_field_is_seconds_as_in_the_Functions_timer()
    {
        var next = TimerSchedule.Parse("30 * * * * *").GetNextOccurrences(Utc("2026-03-10T10:00:00"), 2);

        Assert.Equal([Utc("2026-03-10T10:00:30"), Utc("2026-03-10T10:01:30")], next);
    }

    [Fact]
    public void Occurrences_are_computed_in_utc_whatever_the_offset_given()
    {
        var after = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(2)); // 2025-12-31T23:00Z

        var next = TimerSchedule.Parse("0 0 0 * * *").GetNextOccurrence(after);

        Assert.Equal(Utc("2026-01-01T00:00:00"), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Theory]
    [InlineData("00:05:00", 0, 0, 5)]
    [InlineData("24:00:00", 24, 0, 0)] // TimeSpan parsing reads this as 24 days, as it does in Functions.
    public void An_interval_schedule_occurs_that_long_after_the_given_time(string expression, int days, int hours, int minutes)
    {
        var schedule = TimerSchedule.Parse(expression);
        var after = Utc("2026-03-10T10:07:30");

        Assert.Equal(new TimeSpan(days, hours, minutes, 0), schedule.Interval);
        Assert.Equal(after + new TimeSpan(days, hours, minutes, 0), schedule.GetNextOccurrence(after));
    }

    [Theory]
    [InlineData("", "6 components")]
    [InlineData("0 30 2 * *", "6 components")]
    [InlineData("0 61 * * * *", "0 61 * * * *")]
    [InlineData("0 0 0 * * 8", "0 0 0 * * 8")]
    [InlineData("00:99:00", "neither a 6-field NCRONTAB expression nor a positive interval")]
    [InlineData("00:00:00", "positive interval")]
    public void Invalid_schedules_throw_a_FormatException_naming_the_expression_and_the_form_expected(string expression, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
