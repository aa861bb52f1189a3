using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Reporting;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns.Reporting;

public sealed class CampaignReporterTests
{
    private static readonly DateTimeOffset Entry = Monday;

    [Fact]
    public void Treatment_converting_more_than_holdout_shows_the_uplift_and_its_interval()
    {
        // Arrange: 200 treated (40 convert, 20%), 50 held out (4 convert, 8%), each conversion worth 50.00;
        // one customer who was not eligible never entered and does not count.
        var states = new List<CampaignInstanceState>();
        states.AddRange(Enumerable.Range(0, 200).Select(i => Treated(i, converts: i < 40, clicks: i < 30)));
        states.AddRange(Enumerable.Range(0, 50).Select(i => Held(i, converts: i < 4)));
        states.Add(CampaignInstanceState.New("never", CampaignId) with { Phase = CampaignPhase.Completed, EnteredAt = Entry, CompletionReason = CompletionReason.NotEligible });

        // Act
        var report = CampaignReporter.Build(Definition(Email("email1"), Wait("wait1", 3)), states, Entry.AddDays(30));

        // Assert: Wilson 40/200 = [0.150452, 0.260855], 4/50 = [0.031550, 0.188382]; d = 0.12;
        // lower = 0.12 - sqrt((0.2 - 0.150452)^2 + (0.188382 - 0.08)^2) = 0.000829;
        // upper = 0.12 + sqrt((0.260855 - 0.2)^2 + (0.08 - 0.031550)^2) = 0.197787.
        Assert.Equal(new GroupReport(200, 200, null, 30, 40, 2000m), report.Treatment);
        Assert.Equal(new GroupReport(50, 0, null, 0, 4, 200m), report.Holdout);
        Assert.Equal(0.2, report.Uplift.TreatmentRate!.Value, 12);
        Assert.Equal(0.08, report.Uplift.HoldoutRate!.Value, 12);
        Assert.Equal(0.12, report.Uplift.AbsoluteUplift!.Value, 12);
        Assert.Equal(0.000829, report.Uplift.LowerBound!.Value, 6);
        Assert.Equal(0.197787, report.Uplift.UpperBound!.Value, 6);
        Assert.True(report.Uplift.IsSignificant);
        Assert.Equal(1.5, report.Uplift.RelativeUplift!.Value, 12);
        Assert.Equal(6m, report.Uplift.TreatmentRevenuePerCustomer - report.Uplift.HoldoutRevenuePerCustomer);
        Assert.Equal(1200m, report.Uplift.IncrementalRevenue);
        Assert.Equal(0, report.StillRunning);
    }

    [Fact]
    public void Steps_count_treated_instances_that_reached_them_and_attribute_the_click_to_the_send_before_it()
    {
        var states = Enumerable.Range(0, 10).Select(i => Treated(i, converts: i < 2, clicks: i < 3)).ToList();
        states[9] = states[9] with { Log = [new StepLogEntry("email1", StepOutcome.Skipped, Entry, "noConsent")], LastClickAt = null, Phase = CampaignPhase.Tracking };

        var report = CampaignReporter.Build(Definition(Email("email1"), Wait("wait1", 3)), states, Entry.AddDays(1));

        var email = Assert.Single(report.Steps, s => s.StepId == "email1");
        Assert.Equal("sendEmail", email.Type);
        Assert.Equal(new GroupReport(10, 9, null, 3, 2, 100m), email.Treatment);
        Assert.Equal(1, email.Skipped);
        var wait = Assert.Single(report.Steps, s => s.StepId == "wait1");
        Assert.Equal(new GroupReport(9, 0, null, 0, 2, 100m), wait.Treatment);
        Assert.Equal(1, report.StillRunning);
    }

    private static CampaignInstanceState Treated(int i, bool converts, bool clicks) => Entered("t" + i, holdout: false, converts) with
    {
        Log =
        [
            new StepLogEntry("email1", StepOutcome.Sent, Entry, "sg-" + i),
            new StepLogEntry("wait1", StepOutcome.Waited, Entry.AddDays(3)),
        ],
        LastClickAt = clicks ? Entry.AddHours(2) : null,
    };

    private static CampaignInstanceState Held(int i, bool converts) => Entered("h" + i, holdout: true, converts);

    private static CampaignInstanceState Entered(string customerId, bool holdout, bool converts) => CampaignInstanceState.New(customerId, CampaignId) with
    {
        Phase = CampaignPhase.Completed,
        IsHoldout = holdout,
        EnteredAt = Entry,
        ConversionDeadline = Entry.AddDays(17),
        // Treatment converts after the wait (day 4); a conversion before a step was reached does not count for it.
        Conversion = converts ? new Conversion(Entry.AddDays(4), 50m) : null,
        CompletionReason = converts ? CompletionReason.Purchase : CompletionReason.StepsFinished,
    };
}
