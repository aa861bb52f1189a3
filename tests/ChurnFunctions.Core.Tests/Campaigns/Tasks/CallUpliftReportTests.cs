using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Reporting;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns.Tasks;

public sealed class CallUpliftReportTests
{
    [Fact]
    public void Holdout_customers_get_no_task_and_the_report_compares_called_customers_with_them()
    {
        // Arrange: 400 customers through the decider with a 25% holdout; every customer whose id ends in 0 or 1 buys
        // within the week, and one treated customer is on the do-not-call list.
        var definition = Definition(new CreateStaffTaskStep { Id = "call", Text = "Call {{firstName}}" }) with { HoldoutPercent = 25 };
        var states = new List<CampaignInstanceState>();
        var tasks = 0;
        var doNotCall = Enumerable.Range(0, 400).Select(i => $"cust-{i}").First(id => !HoldoutAssignment.IsHoldout(id, CampaignId, 25));
        foreach (var id in Enumerable.Range(0, 400).Select(i => $"cust-{i}"))
        {
            var rig = new DeciderRig(definition, Customer(id) with { DoNotCall = id == doNotCall });
            var actions = rig.Apply(new Start(), Monday);
            tasks += actions.Count(a => a is CreateStaffTask);
            if (id.EndsWith('0') || id.EndsWith('1'))
            {
                rig.Apply(new PurchaseObserved(Monday.AddDays(3), 40m), Monday.AddDays(3));
            }

            states.Add(rig.State);
        }

        // Act
        var report = CampaignReporter.Build(definition, states, Monday.AddDays(30));

        // Assert
        var calls = Assert.IsType<CallReport>(report.Calls);
        Assert.True(report.Holdout.Entered > 0);
        Assert.Equal(report.Treatment.Entered - 1, tasks);
        Assert.Equal(tasks, calls.WithTask.Entered);
        Assert.Equal(1, calls.Skipped);
        Assert.All(states.Where(s => s.IsHoldout), s => Assert.DoesNotContain(s.Log, l => l.Outcome == StepOutcome.TaskCreated));
        Assert.Equal((double)calls.WithTask.Converted / calls.WithTask.Entered, calls.Uplift.TreatmentRate!.Value, 12);
        Assert.Equal((double)report.Holdout.Converted / report.Holdout.Entered, calls.Uplift.HoldoutRate!.Value, 12);
        Assert.NotNull(calls.Uplift.LowerBound);
    }

    [Fact]
    public void A_campaign_without_a_task_step_has_no_call_report() =>
        Assert.Null(CampaignReporter.Build(Definition(Email()), [], Monday).Calls);
}
