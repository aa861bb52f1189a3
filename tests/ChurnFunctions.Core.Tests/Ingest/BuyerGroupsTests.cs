using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Tests.Fakes;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class BuyerGroupsTests
{
    [Fact]
    public void Rows_whose_buyers_share_any_key_fall_in_one_group_in_file_order()
    {
        NormalizedTransaction[] rows =
        [
            Row("1", new CustomerIdentity("csv:A", "a@example.com", null)),
            Row("2", new CustomerIdentity("csv:B", null, null)),
            Row("3", new CustomerIdentity(null, null, "+15555550100")),
            Row("4", new CustomerIdentity("csv:C", "a@example.com", "+15555550100")),
            Row("5", null),
            Row("6", new CustomerIdentity("csv:B", null, null)),
        ];

        var (named, anonymous) = BuyerGroups.Of(rows);

        Assert.Equal([["1", "3", "4"], ["2", "6"]], named.Select(g => g.Select(r => r.Transaction.ExternalId).ToArray()).ToArray());
        Assert.Equal("5", Assert.Single(anonymous).Transaction.ExternalId);
    }

    [Fact]
    public void A_key_that_links_two_earlier_groups_joins_them()
    {
        NormalizedTransaction[] rows =
        [
            Row("1", new CustomerIdentity("csv:A", null, null)),
            Row("2", new CustomerIdentity("csv:B", "b@example.com", null)),
            Row("3", new CustomerIdentity("csv:A", "b@example.com", null)),
        ];

        var (named, _) = BuyerGroups.Of(rows);

        Assert.Equal(["1", "2", "3"], Assert.Single(named).Select(r => r.Transaction.ExternalId));
    }

    private static NormalizedTransaction Row(string id, CustomerIdentity? buyer) => new(Tx.Purchase(id, "2024-02-03T10:00:00Z", 10m), buyer);
}
