using System.Globalization;
using ChurnFunctions.Analytics.Models;
using ChurnFunctions.Benchmarks.Analytics;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Benchmarks.Nightly;

/// <summary>
/// Customers drawn from the BG/NBD and Gamma-Gamma shapes fitted to CDNOW (one model unit a week), with purchases
/// over three years ending on <see cref="AsOf"/>. With categories, each order holds one line in one of five
/// categories, most of a customer's orders in its favourite, so category abandonment has transactions to read.
/// </summary>
internal static class SyntheticCustomers
{
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    private static readonly BgNbdParameters Purchases = new(0.2516, 4.789, 0.7234, 2.161);
    private static readonly GammaGammaParameters Spend = new(6.275, 3.624, 14.98);
    private static readonly string[] CategoryNames = ["coffee", "tea", "mugs", "grinders", "gifts"];

    public static IEnumerable<SeedCustomer> Draw(int customers, int seed, bool categories)
    {
        var rng = new Random(seed);
        var days = new int[ICustomerStoreLimit];
        var amounts = new double[ICustomerStoreLimit];
        var startDay = AsOf.DayNumber - SyntheticBgNbdData.HorizonDays + 1;
        for (var c = 0; c < customers; c++)
        {
            var rows = SyntheticBgNbdData.Customer(rng, Purchases, Spend, 7, startDay, days, amounts, out _);
            var favourite = rng.Next(CategoryNames.Length);
            var key = "bench:" + c.ToString(CultureInfo.InvariantCulture);
            var record = CustomerAggregator.Apply(new CustomerRecord { Id = CustomerIds.FromIdentityKey(key) }, new CustomerIdentity(key, null, null));
            var transactions = new List<Transaction>(rows);
            for (var j = 0; j < rows && days[j] <= AsOf.DayNumber; j++)
            {
                var amount = (decimal)Math.Max(0.01, amounts[j]);
                var category = categories ? CategoryNames[rng.NextDouble() < 0.7 ? favourite : rng.Next(CategoryNames.Length)] : null;
                var at = new DateTimeOffset(DateOnly.FromDayNumber(days[j]).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                var transaction = new Transaction(
                    "bench", $"{c}-{j}", TransactionKind.Purchase, at, "USD", amount, 0m,
                    [new LineItem(null, category, 1, amount)], SalesChannel.Online);
                record = CustomerAggregator.Apply(record, transaction);
                transactions.Add(transaction);
            }

            yield return new SeedCustomer(record, transactions);
        }
    }

    // A long history is written in several commits; 400 purchases in three years is plenty.
    private const int ICustomerStoreLimit = 400;
}
