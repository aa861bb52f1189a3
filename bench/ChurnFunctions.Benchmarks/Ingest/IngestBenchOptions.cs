using System.Globalization;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>The ingest suite's command line: <c>ingest [--webhooks N] [--customers M] [--concurrency C] [--rate R] ...</c>.</summary>
internal sealed record IngestBenchOptions
{
    public const string Usage =
        "ingest [--webhooks N (5000)] [--customers M (1000)] [--concurrency C (32)] [--rate R (webhooks/s: pace the main run open-loop)] " +
        "[--warmup W (400)] [--paced-webhooks P (N; 0 skips the run paced at the measured stored/s)] [--ceiling-webhooks K (N)] [--seed S] [--queue-batch B (16, as host.json)] [--split]";

    public int Webhooks { get; init; } = 5000;

    public int Customers { get; init; } = 1000;

    public int Concurrency { get; init; } = 32;

    /// <summary>When set, the main run is open-loop at this rate instead of a closed-loop burst of <see cref="Concurrency"/> senders.</summary>
    public double? Rate { get; init; }

    public int Warmup { get; init; } = 400;

    /// <summary>Webhooks of the run paced at the measured stored/s; null means <see cref="Webhooks"/>.</summary>
    public int? PacedWebhooks { get; init; }

    /// <summary>Simulated webhooks of the storage ceiling; null means <see cref="Webhooks"/>.</summary>
    public int? CeilingWebhooks { get; init; }

    public int Seed { get; init; } = 20_240_601;

    /// <summary>The listener's batch size (host.json: 16); the new batch threshold is half of it. For experiments.</summary>
    public int QueueBatch { get; init; } = 16;

    /// <summary>Wraps the app's customer store and identity index to count and time the handler's storage calls.</summary>
    public bool Split { get; init; }

    public static IngestBenchOptions Parse(string[] args)
    {
        var options = new IngestBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--webhooks" => options with { Webhooks = Positive(args[i], Value()) },
                "--customers" => options with { Customers = Positive(args[i], Value()) },
                "--concurrency" => options with { Concurrency = Positive(args[i], Value()) },
                "--rate" => options with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) is > 0 and var r ? r : throw new ArgumentException("--rate must be positive.") },
                "--warmup" => options with { Warmup = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--paced-webhooks" => options with { PacedWebhooks = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--ceiling-webhooks" => options with { CeilingWebhooks = Positive(args[i], Value()) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--queue-batch" => options with { QueueBatch = Positive(args[i], Value()) is <= 32 and var b ? b : throw new ArgumentException("--queue-batch is at most 32.") },
                "--split" => options with { Split = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    private static int Positive(string name, string text) =>
        int.Parse(text, CultureInfo.InvariantCulture) is > 0 and var value ? value : throw new ArgumentException($"{name} must be positive.");
}
