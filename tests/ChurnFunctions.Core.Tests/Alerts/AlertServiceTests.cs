using System.Globalization;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace ChurnFunctions.Core.Tests.Alerts;

public sealed class AlertServiceTests
{
    private static readonly DateOnly Day = new(2024, 3, 31);
    private static readonly Alert Spike = new(Day, "churn-rate-above-threshold", "high", "Churn rate 40%", "...", DateTimeOffset.UnixEpoch);

    private readonly InMemoryAlertStore store = new();
    private readonly InMemoryCustomerStore customers = new();
    private readonly InMemoryOutbox outbox = new();

    [Fact]
    public async Task The_same_condition_on_the_same_day_is_stored_and_delivered_once()
    {
        var channel = new Mock<IAlertChannel>();
        var service = Service(channel.Object);

        var first = await service.RaiseAsync([Spike], default);
        var second = await service.RaiseAsync([Spike with { RaisedAt = DateTimeOffset.UnixEpoch.AddHours(1) }], default);
        var nextDay = await service.RaiseAsync([Spike with { Date = Spike.Date.AddDays(1) }], default);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Single(nextDay);
        channel.Verify(c => c.DeliverAsync(It.IsAny<AlertDigest>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_failing_channel_does_not_stop_the_others()
    {
        var failing = new Mock<IAlertChannel>();
        failing.Setup(c => c.DeliverAsync(It.IsAny<AlertDigest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("down"));
        var working = new Mock<IAlertChannel>();

        await Service(failing.Object, working.Object).RaiseAsync([Spike], default);

        working.Verify(c => c.DeliverAsync(It.Is<AlertDigest>(d => d.Conditions.Single() == Spike.Condition), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Thousands_of_slipping_customers_are_one_staff_message_naming_the_top_twenty_by_clv_and_one_alert_row_each()
    {
        var alerts = new List<Alert>();
        for (var i = 0; i < 4879; i++)
        {
            var id = $"c{i:D5}";
            await customers.SaveAsync(new CustomerRecord { Id = id, FirstName = "Buyer", LastName = $"N{i}", Email = $"buyer{i}@example.com" }, null, default);
            alerts.Add(Slipping(id, clv: i));
        }

        var raised = await Service(new OutboxAlertChannel(outbox, TimeProvider.System)).RaiseAsync([Spike, .. alerts], default);

        Assert.Equal(4880, raised.Count);
        Assert.Equal(4880, store.All.Count);
        Assert.Equal(2, outbox.All.Count);
        var digest = Assert.Single(outbox.All, e => e.SendId.Contains(":top-customer-slipping:", StringComparison.Ordinal));
        Assert.Equal("alert", digest.Kind);
        Assert.Equal("4879 high-value customers may be slipping away", digest.Subject);
        var lines = digest.Body!.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, lines.Count);
        Assert.StartsWith("- Buyer N4878 <buyer4878@example.com> (customer c04878): P(alive) 0.20", lines[0], StringComparison.Ordinal);
        Assert.Contains("CLV 4859.00", lines[19], StringComparison.Ordinal);
        Assert.Contains("...and 4859 more. All 4879: /api/alerts?date=2024-03-31&rule=top-customer-slipping", digest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_run_the_same_day_tells_staff_only_of_the_alerts_it_added()
    {
        var service = Service(new OutboxAlertChannel(outbox, TimeProvider.System));

        await service.RaiseAsync([Slipping("a", 10), Slipping("b", 20)], default);
        await service.RaiseAsync([Slipping("a", 10), Slipping("b", 20)], default);
        await service.RaiseAsync([Slipping("a", 10), Slipping("b", 20), Slipping("c", 5)], default);

        Assert.Equal(2, outbox.All.Count);
        var later = Assert.Single(outbox.All, e => e.Subject!.StartsWith("High-value customer c", StringComparison.Ordinal));
        Assert.Contains("customer c:", later.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("customer a", later.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_link_uses_the_public_base_url_when_set()
    {
        var options = new AlertOptions { LinkBaseUrl = "https://churn.example.com/api/" };

        await Service(options, new OutboxAlertChannel(outbox, TimeProvider.System)).RaiseAsync([Slipping("a", 1), Slipping("b", 2)], default);

        Assert.Contains("https://churn.example.com/api/alerts?date=2024-03-31&rule=top-customer-slipping", Assert.Single(outbox.All).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("https://churn.example.com/api", true)]
    [InlineData("churn.example.com/api", false)]
    [InlineData("ftp://churn.example.com", false)]
    public void The_link_base_url_is_blank_or_an_absolute_http_url(string value, bool valid)
    {
        var options = new AlertOptions { LinkBaseUrl = value };

        Assert.Equal(valid, System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), null, validateAllProperties: true));
    }

    private static Alert Slipping(string id, double clv) =>
        new(Day, $"top-customer-slipping:{id}", "medium", $"High-value customer {id} may be slipping away",
            string.Create(CultureInfo.InvariantCulture, $"P(alive) 0.20 (was 0.80), CLV {clv:0.00}, segment AtRisk."), DateTimeOffset.UnixEpoch, id, clv, 0.2);

    private AlertService Service(params IAlertChannel[] channels) => Service(new AlertOptions(), channels);

    private AlertService Service(AlertOptions options, params IAlertChannel[] channels) =>
        new(store, customers, channels, Options.Create(options), NullLogger<AlertService>.Instance);
}
