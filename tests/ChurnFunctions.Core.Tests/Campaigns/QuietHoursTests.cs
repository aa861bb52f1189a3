using ChurnFunctions.Core.Campaigns;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo BerlinZone = TimeZoneInfo.FindSystemTimeZoneById(Berlin);
    private static readonly TimeZoneInfo NewYorkZone = TimeZoneInfo.FindSystemTimeZoneById(NewYork);
    private static readonly TimeOnly Nine = new(21, 0);
    private static readonly TimeOnly Eight = new(8, 0);

    [Theory]
    [InlineData("2024-06-03T18:59:00Z", "2024-06-03T18:59:00Z")] // 20:59 local: allowed
    [InlineData("2024-06-03T19:00:00Z", "2024-06-04T06:00:00Z")] // 21:00: quiet until tomorrow 08:00
    [InlineData("2024-06-03T21:59:00Z", "2024-06-04T06:00:00Z")] // 23:59
    [InlineData("2024-06-03T22:00:00Z", "2024-06-04T06:00:00Z")] // 00:00, the next day already
    [InlineData("2024-06-04T05:59:00Z", "2024-06-04T06:00:00Z")] // 07:59
    [InlineData("2024-06-04T06:00:00Z", "2024-06-04T06:00:00Z")] // 08:00: allowed
    public void Quiet_hours_across_midnight_end_at_the_next_local_08_00(string instant, string expected)
    {
        Assert.Equal(At(expected), QuietHours.NextAllowed(At(instant), BerlinZone, Nine, Eight));
    }

    [Fact]
    public void Equal_start_and_end_mean_no_quiet_hours()
    {
        Assert.Equal(At("2024-06-03T01:00:00Z"), QuietHours.NextAllowed(At("2024-06-03T01:00:00Z"), BerlinZone, Eight, Eight));
    }

    [Fact]
    public void Same_day_quiet_hours_end_the_same_day()
    {
        // 12:30 Berlin inside 12:00-14:00.
        Assert.Equal(At("2024-06-03T12:00:00Z"), QuietHours.NextAllowed(At("2024-06-03T10:30:00Z"), BerlinZone, new TimeOnly(12, 0), new TimeOnly(14, 0)));
    }

    [Fact]
    public void An_end_time_skipped_by_spring_forward_moves_to_the_first_valid_minute()
    {
        // New York, 10 March 2024: 02:00 EST -> 03:00 EDT. Quiet 00:00-02:30 ends at 03:00 EDT = 07:00Z.
        var next = QuietHours.NextAllowed(At("2024-03-10T05:30:00Z"), NewYorkZone, new TimeOnly(0, 0), new TimeOnly(2, 30));

        Assert.Equal(At("2024-03-10T07:00:00Z"), next);
    }

    [Fact]
    public void An_end_time_repeated_by_fall_back_is_its_first_occurrence()
    {
        // New York, 3 November 2024: 01:00-02:00 happens twice (EDT, then EST). 01:30 EDT = 05:30Z.
        var next = QuietHours.NextAllowed(At("2024-11-03T04:30:00Z"), NewYorkZone, new TimeOnly(0, 0), new TimeOnly(1, 30));

        Assert.Equal(At("2024-11-03T05:30:00Z"), next);
    }

    [Fact]
    public void The_local_night_is_judged_in_the_customers_zone_not_utc()
    {
        // 20:30Z is 22:30 in Berlin but 16:30 in New York.
        Assert.Equal(At("2024-06-04T06:00:00Z"), QuietHours.NextAllowed(At("2024-06-03T20:30:00Z"), BerlinZone, Nine, Eight));
        Assert.Equal(At("2024-06-03T20:30:00Z"), QuietHours.NextAllowed(At("2024-06-03T20:30:00Z"), NewYorkZone, Nine, Eight));
    }
}
