using System.Globalization;

namespace ChurnFunctions.Benchmarks.Nightly;

/// <summary>Options of the nightly suite.</summary>
internal sealed record NightlyBenchOptions(IReadOnlyList<int> Customers, string? Cdnow, bool InMemory, int Seed, bool Categories, bool Starts = true)
{
    public const string Usage =
        "nightly [--customers N[,N...]] [--cdnow PATH] [--in-memory] [--no-categories] [--no-starts] [--seed N]";

    public static NightlyBenchOptions Parse(string[] args)
    {
        var customers = new List<int>();
        string? cdnow = null;
        var inMemory = false;
        var categories = true;
        var starts = true;
        var seed = 7;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--customers":
                    customers.AddRange(Value(args, ref i).Split(',').Select(n => int.Parse(n, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
                    break;
                case "--cdnow":
                    cdnow = Value(args, ref i);
                    break;
                case "--in-memory":
                    inMemory = true;
                    break;
                case "--no-categories":
                    categories = false;
                    break;
                case "--no-starts":
                    starts = false;
                    break;
                case "--seed":
                    seed = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (customers.Any(n => n < 1))
        {
            throw new ArgumentException("--customers takes positive counts");
        }

        if (customers.Count == 0 && cdnow is null)
        {
            customers.AddRange([10_000, 100_000]);
        }

        return new NightlyBenchOptions(customers, cdnow, inMemory, seed, categories, starts);
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
}
