using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Enrollment;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Tests.Campaigns.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace ChurnFunctions.Core.Tests.Campaigns.Enrollment;

/// <summary>The enrollment job over the in-memory runner: which runs of a recurring campaign a customer enters.</summary>
public sealed class RecurringEnrollmentTests
{
    private const string Customer = "c1";

    [Fact]
    public async Task Birthday_campaign_enrols_again_the_next_year_but_not_twice_in_one_year()
    {
        var rig = Rig(new BirthdayTrigger());
        rig.Customers[Customer] = rig.AddCustomer(Customer) with { Birthday = new DateOnly(1990, 6, 3) };

        var first = await EnrolAsync(rig, "2024-06-03T09:00:00Z");
        var sameDayAgain = await EnrolAsync(rig, "2024-06-03T18:00:00Z");
        var nextYear = await EnrolAsync(rig, "2025-06-03T09:00:00Z");

        Assert.Equal([1, 0, 1], new[] { first.Started, sameDayAgain.Started, nextYear.Started });
        Assert.Contains(CampaignInstanceId.For(Customer, RunnerRig.CampaignId, "y2024"), rig.Instances.Rows.Keys);
        Assert.Contains(CampaignInstanceId.For(Customer, RunnerRig.CampaignId, "y2025"), rig.Instances.Rows.Keys);
        Assert.Equal("y2025", rig.Instances.Rows[CampaignInstanceId.For(Customer, RunnerRig.CampaignId, "y2025")].Value.State.RunKey);
    }

    [Fact]
    public async Task Days_after_purchase_campaign_enrols_once_per_purchase()
    {
        var rig = Rig(new DaysAfterPurchaseTrigger(30));
        rig.Customers[Customer] = rig.AddCustomer(Customer) with { LastPurchaseAt = At("2024-05-01T15:00:00Z") };

        var afterFirst = await EnrolAsync(rig, "2024-05-31T09:00:00Z");
        var afterFirstAgain = await EnrolAsync(rig, "2024-05-31T10:00:00Z");
        rig.Customers[Customer] = rig.Customers[Customer] with { LastPurchaseAt = At("2024-05-20T11:00:00Z") };
        var afterSecond = await EnrolAsync(rig, "2024-06-19T09:00:00Z");

        Assert.Equal([1, 0, 1], new[] { afterFirst.Started, afterFirstAgain.Started, afterSecond.Started });
        Assert.Equal(2, rig.Instances.Rows.Count);
        Assert.Contains(CampaignInstanceId.For(Customer, RunnerRig.CampaignId, "p20240520"), rig.Instances.Rows.Keys);
    }

    [Fact]
    public async Task A_campaign_that_does_not_recur_keeps_the_instance_id_it_always_had()
    {
        var rig = Rig(new BirthdayTrigger());
        rig.Definition = rig.Definition with { Recurring = false };
        rig.Customers[Customer] = rig.AddCustomer(Customer) with { Birthday = new DateOnly(1990, 6, 3) };

        var first = await EnrolAsync(rig, "2024-06-03T09:00:00Z");
        var nextYear = await EnrolAsync(rig, "2025-06-03T09:00:00Z");

        Assert.Equal([1, 0], new[] { first.Started, nextYear.Started });
        Assert.Equal([CampaignInstanceId.For(Customer, RunnerRig.CampaignId)], rig.Instances.Rows.Keys);
    }

    private static RunnerRig Rig(CampaignTrigger trigger)
    {
        var rig = new RunnerRig();
        rig.Definition = rig.Definition with { Trigger = trigger };
        return rig;
    }

    private static async Task<EnrollmentRun> EnrolAsync(RunnerRig rig, string now)
    {
        rig.Clock.Now = At(now);
        var definitions = new Mock<ICampaignDefinitionStore>();
        definitions.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => [rig.Definition]);
        var customers = new Mock<ICustomerStore>();
        customers.Setup(c => c.ListAsync(It.IsAny<CancellationToken>())).Returns(() => rig.Customers.Values.ToList().ToAsyncEnumerable());
        var job = new CampaignEnrollmentJob(
            definitions.Object, customers.Object, Mock.Of<IScoreStore>(), Mock.Of<IMetricsStore>(), Mock.Of<IFeedbackStore>(), rig.Runner,
            Options.Create(new AnalyticsOptions()), rig.Clock, NullLogger<CampaignEnrollmentJob>.Instance);
        var run = await job.RunAsync(CancellationToken.None);
        await rig.DrainAsync();
        return run;
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
