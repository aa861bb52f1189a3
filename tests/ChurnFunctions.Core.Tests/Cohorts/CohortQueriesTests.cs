using ChurnFunctions.Core.Cohorts;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Tests.Scoring;
using Moq;

namespace ChurnFunctions.Core.Tests.Cohorts;

public sealed class CohortQueriesTests
{
    [Fact]
    public async Task Each_first_purchase_month_counts_its_customers_buying_in_each_month_since_up_to_the_as_of_month()
    {
        var records = new[]
        {
            Record("a", new(2024, 1, 5), new(2024, 1, 20), new(2024, 3, 2)),
            Record("b", new(2024, 1, 9), new(2024, 2, 9)),
            Record("c", new(2024, 2, 1), new(2024, 4, 1)), // April is after the as-of day: not counted
            Record("anonymous", new DateOnly(2024, 1, 1)) with { IsAnonymous = true },
            Record("merged", new DateOnly(2024, 1, 1)) with { MergedInto = "a" },
        };
        var customers = new Mock<ICustomerStore>();
        customers.Setup(c => c.ListAsync(It.IsAny<CancellationToken>())).Returns(records.ToAsyncEnumerable());
        var queries = new CohortQueries(customers.Object, new InMemoryMetricsStore(), new FixedTime(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero)));

        var report = await queries.GetAsync(default);

        Assert.Equal(new DateOnly(2024, 3, 31), report.AsOf);
        var january = report.Cohorts[0];
        Assert.Equal(("2024-01", 2), (january.Month, january.Customers));
        Assert.Equal([2, 1, 1], january.Buying);
        Assert.Equal([1.0, 0.5, 0.5], january.Share);
        var february = report.Cohorts[1];
        Assert.Equal(("2024-02", 1), (february.Month, february.Customers));
        Assert.Equal([1, 0], february.Buying);
    }

    private static CustomerRecord Record(string id, params DateOnly[] days) => new() { Id = id, PurchaseDays = days };

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
