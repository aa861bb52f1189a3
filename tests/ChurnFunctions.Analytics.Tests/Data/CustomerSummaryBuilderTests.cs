using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.Tests.Data;

public sealed class CustomerSummaryBuilderTests
{
    private static readonly DateOnly Day0 = new(2024, 1, 1);

    private static PurchaseHistory History(params (long Id, int Day, double Amount)[] rows)
    {
        var builder = new PurchaseHistoryBuilder();
        foreach (var (id, day, amount) in rows) builder.Add(id, Day0.AddDays(day), amount);
        return builder.Build();
    }

    [Fact]
    public void Same_day_purchases_merge_into_one_purchase_day_with_summed_value()
    {
        var history = History((1, 0, 10), (1, 0, 5), (1, 7, 20), (1, 7, 2));

        Assert.Equal(2, history.PurchaseDayCount);
        Assert.Equal([15.0, 22.0], history.AmountsOf(0).ToArray());
    }

    [Fact]
    public void Summary_uses_lifetimes_definitions_in_weeks()
    {
        // Purchases on days 0, 14 and 21 (out of order, one duplicated day); calibration ends on day 70.
        var history = History((1, 21, 30), (1, 0, 100), (1, 14, 10), (1, 14, 10));
        var summary = CustomerSummaryBuilder.FromHistory(history, Day0.AddDays(70));

        Assert.Equal(2, summary.Frequency[0]);
        Assert.Equal(3.0, summary.Recency(0));
        Assert.Equal(10.0, summary.Age(0));
        Assert.Equal(25.0, summary.MonetaryValue[0]); // mean of 20 and 30; the first day's 100 is excluded
    }

    [Fact]
    public void One_time_buyer_has_zero_frequency_recency_and_monetary_value()
    {
        var summary = CustomerSummaryBuilder.FromHistory(History((1, 3, 50)), Day0.AddDays(10));

        Assert.Equal(0, summary.Frequency[0]);
        Assert.Equal(0, summary.RecencyDays[0]);
        Assert.Equal(7, summary.AgeDays[0]);
        Assert.Equal(0.0, summary.MonetaryValue[0]);
    }

    [Fact]
    public void Calibration_end_day_is_inclusive_and_holdout_counts_distinct_days_up_to_observation_end()
    {
        var history = History((1, 0, 1), (1, 10, 1), (1, 11, 1), (1, 11, 1), (1, 12, 1), (1, 20, 1), (1, 21, 1));
        var summary = CustomerSummaryBuilder.FromHistory(history, Day0.AddDays(10), Day0.AddDays(20));

        Assert.Equal(1, summary.Frequency[0]); // day 10 is inside calibration
        Assert.Equal(3, summary.HoldoutPurchases![0]); // days 11, 12, 20; day 21 is after observation end
        Assert.Equal(10 / 7.0, summary.HoldoutLength);
    }

    [Fact]
    public void Customers_whose_first_purchase_is_after_calibration_end_are_left_out()
    {
        var summary = CustomerSummaryBuilder.FromHistory(History((1, 0, 1), (2, 15, 1)), Day0.AddDays(10), Day0.AddDays(20));

        Assert.Equal([1L], summary.CustomerIds);
    }

    [Fact]
    public void Summary_from_aggregates_equals_summary_from_transactions()
    {
        var history = History((1, 0, 100), (1, 14, 10), (1, 21, 30), (2, 5, 7), (3, 2, 1), (3, 2, 4), (3, 9, 6));
        var asOf = Day0.AddDays(30);
        var fromHistory = CustomerSummaryBuilder.FromHistory(history, asOf);
        CustomerAggregate[] aggregates =
        [
            new(1, Day0.AddDays(0).DayNumber, Day0.AddDays(21).DayNumber, 3, 140, 100),
            new(2, Day0.AddDays(5).DayNumber, Day0.AddDays(5).DayNumber, 1, 7, 7),
            new(3, Day0.AddDays(2).DayNumber, Day0.AddDays(9).DayNumber, 2, 11, 5),
        ];

        var fromAggregates = CustomerSummaryBuilder.FromAggregates(aggregates, asOf);

        Assert.Equal(fromHistory.Frequency, fromAggregates.Frequency);
        Assert.Equal(fromHistory.RecencyDays, fromAggregates.RecencyDays);
        Assert.Equal(fromHistory.AgeDays, fromAggregates.AgeDays);
        Assert.Equal(fromHistory.MonetaryValue, fromAggregates.MonetaryValue);
    }

    [Fact]
    public void Frequency_groups_count_identical_triples_as_weights()
    {
        var groups = FrequencyGroups.From([0, 0, 2, 2, 2], [0, 0, 7, 7, 14], [70, 70, 70, 70, 70], 7);

        Assert.Equal(3, groups.Count);
        Assert.Equal([2.0, 2.0, 1.0], groups.Weight);
        Assert.Equal(5, groups.TotalWeight);
        Assert.Equal(1.0, groups.Tx[1]);
    }
}
