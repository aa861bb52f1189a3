using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Triggers;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class RetryBackoffTests
{
    [Fact]
    public void Wait_doubles_with_each_failed_attempt_from_the_first()
    {
        var waits = Enumerable.Range(1, 4).Select(n => RetryBackoff.Delay(TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), n));

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(80)], waits);
    }

    [Fact]
    public void Wait_stops_growing_at_the_cap()
    {
        var waits = Enumerable.Range(1, 5).Select(n => RetryBackoff.Delay(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(3), n));

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3)], waits);
    }

    [Fact]
    public void The_ingest_defaults_give_a_delivery_seven_and_a_half_minutes_before_its_fifth_and_last_attempt()
    {
        var options = new IngestOptions();

        var waits = Enumerable.Range(1, options.MaxDequeueCount - 1).Select(n => RetryBackoff.Delay(options.RetryDelay, options.MaxRetryDelay, n)).ToList();

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)], waits);
        Assert.Equal(TimeSpan.FromMinutes(7.5), waits.Aggregate(TimeSpan.Zero, (a, b) => a + b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void An_attempt_below_one_waits_the_first_delay(long attempt) =>
        Assert.Equal(TimeSpan.FromSeconds(10), RetryBackoff.Delay(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), attempt));

    [Fact]
    public void A_huge_attempt_number_waits_the_cap_without_overflowing() =>
        Assert.Equal(TimeSpan.FromDays(7), RetryBackoff.Delay(TimeSpan.FromDays(1), TimeSpan.FromDays(7), long.MaxValue));

    [Fact]
    public void A_zero_first_delay_retries_at_once() =>
        Assert.Equal(TimeSpan.Zero, RetryBackoff.Delay(TimeSpan.Zero, TimeSpan.FromMinutes(1), 4));
}
