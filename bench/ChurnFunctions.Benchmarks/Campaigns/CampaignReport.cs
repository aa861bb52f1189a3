using System.Globalization;
using System.Runtime.InteropServices;
using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Benchmarks.Campaigns;

/// <summary>The campaigns suite's console output: the set-up, progress lines, then one table.</summary>
internal sealed class CampaignReport(CampaignBenchOptions options)
{
    private const double TargetStepsPerMinute = 1000;
    private readonly string _loadAtStart = LoadAverage();

    public void Header()
    {
        Console.WriteLine("campaigns: steps/min through `churn serve`'s campaign runner (Azurite in-memory) to fake SendGrid + Twilio");
        Console.WriteLine($"  {options.Instances} instances of email -> wait {options.Wait.TotalMilliseconds:F0} ms -> SMS; provider faults {options.Faults:P1} (500s, retried by the adapters)");
        Console.WriteLine($"  start concurrency {options.StartConcurrency}, wake-up queue batch {options.QueueBatch}");
        Console.WriteLine($"  {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} CPUs, {RuntimeInformation.OSDescription}; load average {_loadAtStart}");
        Console.WriteLine();
    }

    public void Step(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");

    public void Results(CampaignRunResult r)
    {
        var outcomes = string.Join(", ", r.StepsByOutcome.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key.ToString().ToLowerInvariant()}"));
        var rows = new List<(string Name, string Value)>
        {
            ("instances (completed)", $"{r.Instances} ({r.Completed})"),
            ("steps (decider steps that performed an action)", $"{r.Steps} ({outcomes})"),
            ("time to last step, from first start", $"{r.StepsSeconds:F1} s (starting took {r.StartSeconds:F1} s)"),
            ("steps/min", $"{r.StepsPerMinute:F0} (target >= {TargetStepsPerMinute:F0}: {(r.StepsPerMinute >= TargetStepsPerMinute ? "met" : "NOT met")})"),
            ("sends accepted / planned", $"{r.AcceptedSends} / {r.PlannedSends} in {r.SendsSeconds:F1} s"),
            ("sends/min", $"{r.SendsPerMinute:F0}"),
            ("duplicates (send ids accepted > 1)", $"{r.DuplicateSendIds} ids, {r.DuplicateExtraSends} extra messages"),
            ("unplanned sends accepted", r.UnplannedSends.ToString(CultureInfo.InvariantCulture)),
            ("provider requests (SendGrid / Twilio)", $"{r.SendGridRequests} / {r.TwilioRequests}"),
            ("email step latency p50 / p99 / max", Latency(r.EmailLatency)),
            ("SMS step latency p50 / p99 / max", Latency(r.SmsLatency)),
            ("load average (start / end)", $"{_loadAtStart} / {LoadAverage()}"),
        };
        var width = rows.Max(row => row.Name.Length);
        Console.WriteLine();
        Console.WriteLine("| " + "metric".PadRight(width) + " | value");
        Console.WriteLine("|-" + new string('-', width) + "-|------");
        foreach (var (name, value) in rows)
        {
            Console.WriteLine("| " + name.PadRight(width) + " | " + value);
        }

        Console.WriteLine();
        Console.WriteLine("A step is a StepLogEntry in the instance's stored state (email sent, wait elapsed, SMS sent): 3 per instance.");
        Console.WriteLine("steps/min = steps / (first StartAsync -> later of the last accepted send and the last logged step).");
        Console.WriteLine("Step latency: email from its StartAsync call, SMS from the wait's end (email logged + wait), to acceptance by the fake.");
    }

    private static string Latency(Ingest.LatencySummary l) => $"{l.P50:F0} / {l.P99:F0} / {l.Max:F0} ms";

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
