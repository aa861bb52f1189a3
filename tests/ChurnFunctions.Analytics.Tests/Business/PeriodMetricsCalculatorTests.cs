using ChurnFunctions.Analytics.Business;
using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.Tests.Business;

public sealed class PeriodMetricsCalculatorTests
{
    private static readonly DateOnly Jan1 = new(2024, 1, 1);

    private static PurchaseHistory History()
    {
        var b = new PurchaseHistoryBuilder();
        // A: regular buyer (gap 10) who keeps buying in the period.
        b.Add(1, Jan1.AddDays(-20), 10); b.Add(1, Jan1.AddDays(-10), 10); b.Add(1, Jan1.AddDays(5), 20); b.Add(1, Jan1.AddDays(15), 30);
        // B: regular buyer (gap 10) who stops: churned once silent > 30 days.
        b.Add(2, Jan1.AddDays(-15), 10); b.Add(2, Jan1.AddDays(-5), 10);
        // C: one-time buyer 100 days ago: active at start, still active at end (silence 130 <= 180), no purchase.
        b.Add(3, Jan1.AddDays(-100), 50);
        // D: new customer in the period, buys once.
        b.Add(4, Jan1.AddDays(10), 40);
        // E: churned long before the period.
        b.Add(5, Jan1.AddDays(-400), 5);
        return b.Build();
    }

    [Fact]
    public void Period_metrics_match_a_hand_computed_example()
    {
        var m = PeriodMetricsCalculator.Compute(History(), Jan1, Jan1.AddDays(29), new ChurnOptions());

        Assert.Equal(3, m.ActiveAtStart); // A, B, C
        Assert.Equal(1, m.ChurnedDuringPeriod); // B: silence 34 > 30 on day 29
        Assert.Equal(1 / 3.0, m.ChurnRate!.Value, 1e-12);
        Assert.Equal(1, m.RetainedPurchasers); // A
        Assert.Equal(1 / 3.0, m.RetentionRate!.Value, 1e-12);
        Assert.Equal(2, m.Purchasers); // A, D
        Assert.Equal(1, m.RepeatPurchasers); // A bought on two days
        Assert.Equal(0.5, m.RepeatPurchaseRate);
        Assert.Equal(1, m.NewCustomers);
        Assert.Equal(3, m.ActiveAtEnd); // A, C, D
        Assert.Equal(90, m.Revenue);
        Assert.Equal(50, m.RevenueFromReturningCustomers);
    }

    [Fact]
    public void Rates_without_a_denominator_are_null_not_NaN()
    {
        // Only a customer who lapsed years ago: nobody active at start, nobody buys in the period.
        var b = new PurchaseHistoryBuilder();
        b.Add(1, Jan1.AddDays(-1000), 5);

        var m = PeriodMetricsCalculator.Compute(b.Build(), Jan1, Jan1.AddDays(29), new ChurnOptions());

        Assert.Null(m.ChurnRate);
        Assert.Null(m.RetentionRate);
        Assert.Null(m.RepeatPurchaseRate);
        Assert.Equal(0, m.Revenue);
    }

    [Fact]
    public void Cohort_matrix_counts_each_customer_once_per_month_since_first_purchase()
    {
        var b = new PurchaseHistoryBuilder();
        b.Add(1, new DateOnly(2024, 1, 5), 1); b.Add(1, new DateOnly(2024, 2, 1), 1); b.Add(1, new DateOnly(2024, 2, 9), 1);
        b.Add(2, new DateOnly(2024, 1, 20), 1); b.Add(2, new DateOnly(2024, 3, 3), 1);
        b.Add(3, new DateOnly(2024, 2, 14), 1); b.Add(3, new DateOnly(2024, 4, 1), 1); // April is after as-of

        var matrix = CohortRetentionCalculator.Compute(b.Build(), new DateOnly(2024, 3, 31));

        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)], matrix.CohortMonths);
        Assert.Equal([2, 1, 0], matrix.CohortSizes);
        Assert.Equal([1.0, 0.5, 0.5], matrix.Retention[0]);
        Assert.Equal([1.0, 0.0], matrix.Retention[1]);
        Assert.True(double.IsNaN(matrix.Retention[2][0]));
    }
}
