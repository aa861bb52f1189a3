using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Core.Tests.Campaigns;

public sealed class HoldoutAssignmentTests
{
    [Fact]
    public void Assignment_is_deterministic_for_a_customer_and_campaign()
    {
        var first = Enumerable.Range(0, 200).Select(i => HoldoutAssignment.IsHoldout($"c{i}", "win-back", 10)).ToList();
        var second = Enumerable.Range(0, 200).Select(i => HoldoutAssignment.IsHoldout($"c{i}", "win-back", 10)).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void About_ten_percent_of_20000_customers_fall_in_a_ten_percent_holdout()
    {
        var count = Enumerable.Range(0, 20_000).Count(i => HoldoutAssignment.IsHoldout($"customer-{i}", "win-back", 10));

        // Binomial(20000, 0.1): sd = 42; 5 sd either side.
        Assert.InRange(count, 2000 - 210, 2000 + 210);
    }

    [Fact]
    public void Zero_percent_holds_out_nobody_and_hundred_holds_out_everybody()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"c{i}").ToList();

        Assert.DoesNotContain(ids, id => HoldoutAssignment.IsHoldout(id, "win-back", 0));
        Assert.All(ids, id => Assert.True(HoldoutAssignment.IsHoldout(id, "win-back", 100)));
    }

    [Fact]
    public void Raising_the_percentage_only_adds_customers()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => $"c{i}").ToList();

        Assert.All(ids.Where(id => HoldoutAssignment.IsHoldout(id, "win-back", 5)), id => Assert.True(HoldoutAssignment.IsHoldout(id, "win-back", 10)));
    }

    [Fact]
    public void Different_campaigns_draw_different_holdouts()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => $"c{i}").ToList();
        var a = ids.Where(id => HoldoutAssignment.IsHoldout(id, "win-back", 10)).ToHashSet();
        var b = ids.Where(id => HoldoutAssignment.IsHoldout(id, "birthday", 10)).ToHashSet();

        // Independent draws overlap in about 1% of customers, not 10%.
        Assert.InRange(a.Intersect(b).Count(), 10, 120);
    }
}
