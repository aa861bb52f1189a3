using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Core.Domain;
using static ChurnFunctions.Core.Tests.Scoring.ScoringRig;

namespace ChurnFunctions.Core.Tests.Scoring;

/// <summary>
/// Property over real data: CDNOW scored as of 1998-06-30 in-process through the nightly job; for every customer the
/// segment agrees with the churn status (which holds the P(alive) rule) and the tier with the segment.
/// </summary>
public sealed class SegmentAgreementTests
{
    private static readonly DateOnly AsOf = new(1998, 6, 30);
    private static readonly string[] Good = ["champions", "loyal", "potential", "new"];
    private static readonly string[] Lapsed = ["at-risk", "cant-lose", "hibernating", "lost"];

    [Fact]
    public async Task No_lapsed_CDNOW_customer_is_in_champions_loyal_or_potential_and_no_active_one_is_lost()
    {
        var history = CdnowReader.Read(CdnowPath());
        var records = new List<CustomerRecord>(history.CustomerCount);
        for (var c = 0; c < history.CustomerCount; c++)
        {
            var days = history.DaysOf(c).ToArray().Select(DateOnly.FromDayNumber).ToList();
            var amounts = history.AmountsOf(c).ToArray().Select(a => (decimal)a).ToList();
            records.Add(Customer($"cdnow:{history.CustomerIds[c]}", days) with { PurchaseDaySpend = amounts, FirstDaySpend = amounts[0] });
        }

        var rig = new ScoringRig(records);

        var run = await rig.Job.RunAsync(AsOf, default);

        Assert.Equal(23_570, run.Customers);
        Assert.Equal("mbgnbd", run.Model);
        var lapsed = 0;
        foreach (var record in records)
        {
            var score = (await rig.Scores.GetAsync(AsOf, record.Id, default))!;
            var churned = score.ChurnStatus != "active";
            Assert.Equal(churned, score.ProbabilityAlive < 0.3 || score.ChurnStatus is "churned-gap" or "churned-one-time-buyer");
            Assert.Contains(score.Segment, churned ? Lapsed : [.. Good, "hibernating"]);
            Assert.Equal(
                score.Segment switch { "champions" or "loyal" => "high-value", "potential" or "new" => "potential", _ => "at-risk" },
                score.Tier);
            lapsed += churned ? 1 : 0;
        }

        // Both sides are populated, so the property is not vacuous.
        Assert.InRange(lapsed, 1, records.Count - 1);
    }

    private static string CdnowPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "data", "cdnow", "CDNOW_master.txt");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("shared/data/cdnow/CDNOW_master.txt was not found above the test binaries.");
    }
}
