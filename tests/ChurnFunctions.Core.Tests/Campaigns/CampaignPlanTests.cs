using ChurnFunctions.Core.Campaigns;
using static ChurnFunctions.Core.Tests.Campaigns.CampaignFixtures;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class CampaignPlanTests
{
    private static readonly CampaignDefinition Branched = Definition(
        Email("email1"),
        new BranchStep
        {
            Id = "b1",
            Condition = BranchCondition.EmailClick,
            Window = TimeSpan.FromDays(2),
            Then = [Wait("w-then", 1)],
            Else = [Wait("w-else", 5), Sms("sms-else")],
        },
        Wait("w-last", 3));

    [Fact]
    public void The_last_step_of_each_arm_continues_after_the_branch()
    {
        var plan = CampaignPlan.For(Branched);

        Assert.Equal("email1", plan.FirstStepId);
        Assert.Equal("b1", plan.Next("email1"));
        Assert.Equal("w-last", plan.Next("w-then"));
        Assert.Equal("sms-else", plan.Next("w-else"));
        Assert.Equal("w-last", plan.Next("sms-else"));
        Assert.Null(plan.Next("w-last"));
    }

    [Fact]
    public void Nominal_duration_is_the_waits_plus_each_branch_window_and_its_longer_arm()
    {
        Assert.Equal(TimeSpan.FromDays(2 + 5 + 3), CampaignPlan.For(Branched).NominalDuration);
    }

    [Fact]
    public void Repeated_step_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CampaignPlan.For(Definition(Email("x"), Sms("x"))));
    }
}
