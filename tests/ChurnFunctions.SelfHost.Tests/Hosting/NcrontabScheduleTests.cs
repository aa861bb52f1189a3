using ChurnFunctions.SelfHost.Hosting;

namespace ChurnFunctions.SelfHost.Tests.Hosting;

public sealed class NcrontabScheduleTests
{
    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Next(string expression, string after) => NcrontabSchedule.Parse(expression).GetNextOccurrence(Utc(after));

    [Theory]
    [InlineData("0 30 2 * * *", "2026-03-10T01:00:00", "2026-03-10T02:30:00")]
    [InlineData("0 30 2 * * *", "2026-03-10T02:30:00", "2026-03-11T02:30:00")]
    [InlineData("0 */5 * * * *", "2026-03-10T10:07:30", "2026-03-10T10:10:00")]
    [InlineData("0 */5 * * * *", "2026-03-10T10:55:00", "2026-03-10T11:00:00")]
    [InlineData("*/15 * * * * *", "2026-03-10T10:00:14.999", "2026-03-10T10:00:15")]
    [InlineData("* * * * * *", "2026-03-10T10:00:00.500", "2026-03-10T10:00:01")]
    [InlineData("0 10-40/10 * * * *", "2026-03-10T10:40:00", "2026-03-10T11:10:00")]
    [InlineData("0 10-40/10 * * * *", "2026-03-10T10:10:00", "2026-03-10T10:20:00")]
    [InlineData("5/15 * * * * *", "2026-03-10T10:00:50", "2026-03-10T10:01:05")]
    [InlineData("0 0 0 1 1 *", "2026-12-31T23:59:59", "2027-01-01T00:00:00")]
    [InlineData("0 0 9,12,18 * * *", "2026-03-10T12:00:00", "2026-03-10T18:00:00")]
    public void Next_occurrence_is_the_first_matching_second_after_the_given_time(string expression, string after, string expected) =>
        Assert.Equal(Utc(expected), Next(expression, after));

    [Fact]
    public void Steps_on_a_range_of_hours_on_weekdays_skip_the_weekend()
    {
        // Friday 2 January 2026, 17:00: the last slot of the week.
        var schedule = NcrontabSchedule.Parse("0 0 9-17/4 * * 1-5");

        var occurrences = schedule.GetNextOccurrences(Utc("2026-01-02T13:00:00"), 3);

        Assert.Equal([Utc("2026-01-02T17:00:00"), Utc("2026-01-05T09:00:00"), Utc("2026-01-05T13:00:00")], occurrences);
    }

    [Fact]
    public void Day_of_week_zero_is_sunday()
    {
        Assert.Equal(Utc("2026-01-04T00:00:00"), Next("0 0 0 * * 0", "2026-01-01T00:00:00"));
        Assert.Equal(DayOfWeek.Sunday, Next("0 0 0 * * 0", "2026-01-01T00:00:00").DayOfWeek);
    }

    [Fact]
    public void Month_and_day_names_mean_the_same_as_numbers()
    {
        var named = NcrontabSchedule.Parse("0 0 12 * Jan,MAR mon-Fri");
        var numbered = NcrontabSchedule.Parse("0 0 12 * 1,3 1-5");
        var after = Utc("2026-01-20T00:00:00");

        Assert.Equal(numbered.GetNextOccurrences(after, 40), named.GetNextOccurrences(after, 40));
        Assert.Equal(Utc("2026-01-01T12:00:00"), NcrontabSchedule.Parse("0 0 12 * January Thursday").GetNextOccurrence(Utc("2025-12-31T00:00:00")));
    }

    [Fact]
    public void Day_of_month_and_day_of_week_both_restricted_must_both_match_as_in_NCrontab()
    {
        // Friday the 13th only; crontab(5) would also fire on every 13th and every Friday.
        var schedule = NcrontabSchedule.Parse("0 0 0 13 * 5");

        var occurrences = schedule.GetNextOccurrences(Utc("2026-01-01T00:00:00"), 3);

        Assert.Equal([Utc("2026-02-13T00:00:00"), Utc("2026-03-13T00:00:00"), Utc("2026-11-13T00:00:00")], occurrences);
        Assert.All(occurrences, o => Assert.Equal(DayOfWeek.Friday, o.DayOfWeek));
    }

    [Fact]
    public void Day_31_skips_months_that_are_shorter()
    {
        var occurrences = NcrontabSchedule.Parse("0 0 0 31 * *").GetNextOccurrences(Utc("2026-01-31T00:00:00"), 3);

        Assert.Equal([Utc("2026-03-31T00:00:00"), Utc("2026-05-31T00:00:00"), Utc("2026-07-31T00:00:00")], occurrences);
    }

    [Fact]
    public void Day_30_skips_february()
    {
        Assert.Equal(Utc("2026-03-30T00:00:00"), Next("0 0 0 30 * *", "2026-01-30T00:00:00"));
    }

    [Fact]
    public void February_29_occurs_only_in_leap_years_and_not_in_2100()
    {
        var schedule = NcrontabSchedule.Parse("0 0 0 29 2 *");

        Assert.Equal(Utc("2028-02-29T00:00:00"), schedule.GetNextOccurrence(Utc("2026-01-01T00:00:00")));
        Assert.Equal(Utc("2032-02-29T00:00:00"), schedule.GetNextOccurrence(Utc("2028-02-29T00:00:00")));
        Assert.Equal(Utc("2104-02-29T00:00:00"), schedule.GetNextOccurrence(Utc("2096-02-29T00:00:00")));
    }

    [Fact]
    public void Last_days_of_february_follow_the_leap_year()
    {
        var schedule = NcrontabSchedule.Parse("0 0 6 28-31 2 *");

        Assert.Equal([Utc("2027-02-28T06:00:00"), Utc("2028-02-28T06:00:00"), Utc("2028-02-29T06:00:00")],
            schedule.GetNextOccurrences(Utc("2026-03-01T00:00:00"), 3));
    }

    [Fact]
    public void Occurrences_are_computed_in_utc_whatever_the_offset_given()
    {
        var after = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(2)); // 2025-12-31T23:00Z

        var next = NcrontabSchedule.Parse("0 0 0 * * *").GetNextOccurrence(after);

        Assert.Equal(Utc("2026-01-01T00:00:00"), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Theory]
    [InlineData("00:05:00", 0, 0, 5)]
    [InlineData("01:00:00", 0, 1, 0)]
    [InlineData("24:00:00", 24, 0, 0)] // TimeSpan.Parse reads this as 24 days, as it does in Functions.
    [InlineData("1.00:00:00", 1, 0, 0)]
    public void An_interval_schedule_occurs_that_long_after_the_given_time(string expression, int days, int hours, int minutes)
    {
        var schedule = NcrontabSchedule.Parse(expression);
        var after = Utc("2026-03-10T10:07:30");

        Assert.Equal(new TimeSpan(days, hours, minutes, 0), schedule.Interval);
        Assert.Equal(after + new TimeSpan(days, hours, minutes, 0), schedule.GetNextOccurrence(after));
    }

    [Fact]
    public void A_cron_schedule_has_no_interval_and_keeps_its_expression()
    {
        var schedule = NcrontabSchedule.Parse("0 */5 * * * *");

        Assert.Null(schedule.Interval);
        Assert.Equal("0 */5 * * * *", schedule.ToString());
    }

    [Theory]
    [InlineData("", "cannot be empty")]
    [InlineData("0 30 2 * *", "lacks the leading seconds field")]
    [InlineData("0 0 30 2 * * *", "7 field(s)")]
    [InlineData("0 60 * * * *", "minute field '60': 60 is outside 0-59")]
    [InlineData("60 * * * * *", "second field '60'")]
    [InlineData("0 0 24 * * *", "hour field '24'")]
    [InlineData("0 0 0 0 * *", "day-of-month field '0'")]
    [InlineData("0 0 0 * 13 *", "month field '13'")]
    [InlineData("0 0 0 * * 7", "day-of-week field '7': 7 is outside 0-6")]
    [InlineData("0 */0 * * * *", "step '0' must be a positive whole number")]
    [InlineData("0 40-10 * * * *", "range 40-10 runs backwards")]
    [InlineData("0 1,,2 * * * *", "empty element")]
    [InlineData("0 -5 * * * *", "'-5' is not a number 0-59")]
    [InlineData("0 0 0 * Foo *", "'Foo' is not a number 1-12 or a name (Jan, Feb")]
    [InlineData("0 0 0 30 2 *", "no selected month has any of the selected days")]
    [InlineData("00:99:00", "neither a 6-field NCRONTAB expression nor an interval")]
    [InlineData("-00:05:00", "must be positive")]
    [InlineData("00:00:00", "must be positive")]
    public void Invalid_expressions_throw_a_FormatException_saying_what_is_wrong(string expression, string expected)
    {
        var error = Assert.Throws<FormatException>(() => NcrontabSchedule.Parse(expression));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_reports_the_error_instead_of_throwing()
    {
        Assert.False(NcrontabSchedule.TryParse("0 61 * * * *", out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Contains("minute field", error, StringComparison.Ordinal);

        Assert.True(NcrontabSchedule.TryParse("0 0 * * * *", out schedule, out error));
        Assert.NotNull(schedule);
        Assert.Null(error);
    }
}
