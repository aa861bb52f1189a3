using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.Tests.Cdnow;

[Collection(CdnowCollection.Name)]
public sealed class CdnowSummaryTests(CdnowFixture cdnow)
{
    [Fact]
    public void Summary_from_stored_aggregates_equals_the_summary_from_cdnow_transactions()
    {
        var history = cdnow.History;
        var end = CdnowFixture.CalibrationEnd.DayNumber;
        var aggregates = new List<CustomerAggregate>();
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var days = history.DaysOf(c);
            var amounts = history.AmountsOf(c);
            var n = 0;
            double total = 0;
            while (n < days.Length && days[n] <= end) total += amounts[n++];
            if (n > 0) aggregates.Add(new CustomerAggregate(history.CustomerIds[c], days[0], days[n - 1], n, total, amounts[0]));
        }

        var fromAggregates = CustomerSummaryBuilder.FromAggregates(aggregates.ToArray(), CdnowFixture.CalibrationEnd);

        Assert.Equal(cdnow.Summary.Frequency, fromAggregates.Frequency);
        Assert.Equal(cdnow.Summary.RecencyDays, fromAggregates.RecencyDays);
        Assert.Equal(cdnow.Summary.AgeDays, fromAggregates.AgeDays);
        for (var i = 0; i < fromAggregates.Count; i++) Assert.Equal(cdnow.Summary.MonetaryValue[i], fromAggregates.MonetaryValue[i], 1e-9);
    }

    [Fact]
    public void Cdnow_customer_14048_has_171_purchase_days()
    {
        var index = Array.IndexOf(cdnow.History.CustomerIds, 14048L);

        Assert.Equal(171, cdnow.History.DaysOf(index).Length);
        Assert.Equal(2_500_315.63, cdnow.History.Amounts.Sum(), 1e-6);
    }

    [Fact]
    public void Cdnow_age_is_measured_to_the_inclusive_calibration_end()
    {
        var i = Array.IndexOf(cdnow.Summary.FirstPurchaseDay, new DateOnly(1997, 1, 1).DayNumber);

        Assert.Equal(272, cdnow.Summary.AgeDays[i]);
        Assert.Equal(272 / 7.0, cdnow.Summary.Age(i));
    }
}
