using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.ModelHealth;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Tests.Scoring;
using Microsoft.Extensions.Options;
using Moq;

namespace ChurnFunctions.Core.Tests.ModelHealth;

public sealed class ModelHealthQueriesTests
{
    private static readonly DateOnly End = new(2024, 6, 30);

    [Fact]
    public async Task Holdout_weeks_count_the_purchases_each_week_and_sum_to_the_calibration_table()
    {
        // 40 customers buying every 10 days from January; the 12 last weeks are held out.
        var records = Enumerable.Range(0, 40)
            .Select(c => new CustomerRecord { Id = $"c{c}", PurchaseDays = [.. ScoringRig.Every(new DateOnly(2024, 1, 1).AddDays(c % 10), 10, 18 + (c % 3))] })
            .ToList();
        var queries = await QueriesAsync(records);

        var report = (await queries.GetAsync(12, default))!;

        Assert.Equal(End.AddDays(-84), report.CalibrationEnd);
        Assert.Equal("mbgnbd", report.Model);
        Assert.Equal(12, report.Tracking.Count);
        var expectedActual = records.Sum(r => r.PurchaseDays.Count(d => d > report.CalibrationEnd && d <= End));
        Assert.Equal(expectedActual, report.Tracking[^1].ActualCumulative);
        Assert.Equal(report.Tracking.Sum(w => w.Actual), report.Tracking[^1].ActualCumulative);
        Assert.Equal(report.Tracking.Sum(w => w.Expected), report.Tracking[^1].ExpectedCumulative, 6);
        Assert.Equal(expectedActual, report.Calibration.Sum(c => c.ActualMean * c.Customers), 6);
        Assert.Equal(40, report.Calibration.Sum(c => c.Customers));
        Assert.True(report.Tracking[^1].ExpectedCumulative > 0);
    }

    [Fact]
    public async Task Before_the_first_run_there_is_no_report()
    {
        var queries = new ModelHealthQueries(Mock.Of<ICustomerStore>(), new InMemoryMetricsStore(), Options.Create(new AnalyticsOptions()));

        Assert.Null(await queries.GetAsync(null, default));
    }

    private static async Task<ModelHealthQueries> QueriesAsync(List<CustomerRecord> records)
    {
        var customers = new Mock<ICustomerStore>();
        customers.Setup(c => c.ListAsync(It.IsAny<CancellationToken>())).Returns(() => records.ToAsyncEnumerable());
        var metrics = new InMemoryMetricsStore();
        var snapshot = new MetricsSnapshot(End, DateTimeOffset.UnixEpoch, End, End, 0, 0, 0, null, null, null, 0, 0, null, null, 0,
            new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), null, null, null);
        await metrics.SaveAsync(snapshot, default);
        await metrics.PublishAsync(snapshot, default);
        return new ModelHealthQueries(customers.Object, metrics, Options.Create(new AnalyticsOptions()));
    }
}
