using System.Globalization;

namespace ChurnFunctions.Benchmarks.Campaigns;

/// <summary>The campaigns suite's command line: <c>campaigns [--instances N] [--faults F] ...</c>.</summary>
internal sealed record CampaignBenchOptions
{
    public const string Usage =
        "campaigns [--instances N (2000)] [--faults F (0.0: fraction of provider calls answered 500)] [--wait-ms W (1000)] " +
        "[--start-concurrency C (32)] [--bulk-start (as the nightly enrollment: queued 64 to a message)] [--queue-batch B (32)] [--timeout-seconds T (600)] [--seed S] " +
        "[--durable (then the same run on the Functions app's orchestrator, Durable Task Azure Storage backend)] [--partitions P (4)]";

    public int Instances { get; init; } = 2000;

    /// <summary>The fraction of SendGrid and Twilio calls the fakes answer with a 500 (seeded); the adapters retry.</summary>
    public double Faults { get; init; }

    /// <summary>The campaign's wait step between the email and the SMS.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many StartAsync calls run at once.</summary>
    public int StartConcurrency { get; init; } = 32;

    /// <summary>Start the instances as the nightly enrollment does (<c>ICampaignStarter.EnterAsync</c>), not one StartAsync each.</summary>
    public bool BulkStart { get; init; }

    /// <summary>The listener's batch size on "campaign-wakeups"; the new batch threshold is half of it.</summary>
    public int QueueBatch { get; init; } = 32;

    /// <summary>A guard: the run fails if the planned sends are not all accepted by then.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    public int Seed { get; init; } = 20_240_601;

    /// <summary>After the self-host run, the same workload through the Functions app's orchestrator on Durable Task's Azure Storage backend.</summary>
    public bool Durable { get; init; }

    /// <summary>The Durable task hub's control-queue partitions.</summary>
    public int Partitions { get; init; } = 4;

    public static CampaignBenchOptions Parse(string[] args)
    {
        var options = new CampaignBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--instances" => options with { Instances = Positive(args[i], Value()) },
                "--faults" => options with
                {
                    Faults = double.Parse(Value(), CultureInfo.InvariantCulture) is >= 0 and < 1 and var f ? f : throw new ArgumentException("--faults must be in [0, 1)."),
                },
                "--wait-ms" => options with { Wait = TimeSpan.FromMilliseconds(Positive(args[i], Value())) },
                "--start-concurrency" => options with { StartConcurrency = Positive(args[i], Value()) },
                "--queue-batch" => options with { QueueBatch = Positive(args[i], Value()) is <= 32 and var b ? b : throw new ArgumentException("--queue-batch is at most 32.") },
                "--timeout-seconds" => options with { Timeout = TimeSpan.FromSeconds(Positive(args[i], Value())) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--durable" => options with { Durable = true },
                "--bulk-start" => options with { BulkStart = true },
                "--partitions" => options with { Partitions = Positive(args[i], Value()) is <= 16 and var p ? p : throw new ArgumentException("--partitions is at most 16.") },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    private static int Positive(string name, string text) =>
        int.Parse(text, CultureInfo.InvariantCulture) is > 0 and var value ? value : throw new ArgumentException($"{name} must be positive.");
}
