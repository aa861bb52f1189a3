using ChurnFunctions.Benchmarks.Analytics;
using ChurnFunctions.Benchmarks.Campaigns;
using ChurnFunctions.Benchmarks.Ingest;
using ChurnFunctions.Benchmarks.Nightly;

// Each suite owns a folder; the first argument picks one so several teams can share this executable.
return args.Length > 0 && args[0] == "analytics" ? AnalyticsBenchmark.Run(args[1..])
    : args.Length > 0 && args[0] == "ingest" ? IngestBenchmark.Run(args[1..])
    : args.Length > 0 && args[0] == "campaigns" ? CampaignBenchmark.Run(args[1..])
    : args.Length > 0 && args[0] == "nightly" ? NightlyBenchmark.Run(args[1..])
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: ChurnFunctions.Benchmarks <suite> [options]");
    Console.Error.WriteLine("suites: analytics [--customers N] [--transactions N] [--seed N] [--skip-synthetic] [--cdnow PATH]");
    Console.Error.WriteLine("        " + IngestBenchOptions.Usage);
    Console.Error.WriteLine("        " + CampaignBenchOptions.Usage);
    Console.Error.WriteLine("        " + NightlyBenchOptions.Usage);
    return 2;
}
