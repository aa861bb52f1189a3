using ChurnFunctions.Core.Customers;

namespace ChurnFunctions.Core.Ingest;

/// <summary>
/// Splits an import's transactions into groups that can be stored side by side: rows whose buyers share any identity
/// key (a platform id, an email, a phone) fall in one group, kept in file order, so that resolution and merges happen
/// within a group as they would one delivery after another, and no two groups touch the same customer.
/// </summary>
public static class BuyerGroups
{
    /// <summary>The groups of named buyers, in order of first appearance, and the rows without one.</summary>
    public static (IReadOnlyList<IReadOnlyList<NormalizedTransaction>> Named, IReadOnlyList<NormalizedTransaction> Anonymous) Of(
        IReadOnlyList<NormalizedTransaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var anonymous = new List<NormalizedTransaction>();
        var named = new List<(NormalizedTransaction Item, string Key)>(transactions.Count);
        foreach (var item in transactions)
        {
            if (item.Customer is not { IsAnonymous: false } buyer)
            {
                anonymous.Add(item);
                continue;
            }

            var keys = IdentityKeys.For(buyer);
            foreach (var key in keys)
            {
                parent.TryAdd(key, key);
                Union(parent, keys[0], key);
            }

            named.Add((item, keys[0]));
        }

        var groups = new Dictionary<string, List<NormalizedTransaction>>(StringComparer.Ordinal);
        var ordered = new List<IReadOnlyList<NormalizedTransaction>>();
        foreach (var (item, key) in named)
        {
            var root = Find(parent, key);
            if (!groups.TryGetValue(root, out var group))
            {
                groups[root] = group = [];
                ordered.Add(group);
            }

            group.Add(item);
        }

        return (ordered, anonymous);
    }

    private static string Find(Dictionary<string, string> parent, string key)
    {
        while (parent[key] is var up && up != key)
        {
            parent[key] = parent[up];
            key = up;
        }

        return key;
    }

    private static void Union(Dictionary<string, string> parent, string a, string b)
    {
        var (rootA, rootB) = (Find(parent, a), Find(parent, b));
        if (rootA != rootB)
        {
            parent[rootB] = rootA;
        }
    }
}
