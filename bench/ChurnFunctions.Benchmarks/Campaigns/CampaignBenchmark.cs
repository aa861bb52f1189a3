using System.Collections.Concurrent;
using System.Diagnostics;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Fakes.Campaigns;
using ChurnFunctions.Fakes.SendGrid;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.Benchmarks.Campaigns;

/// <summary>
/// Campaign steps per minute through `churn serve`'s durable runner (Azurite tables and the "campaign-wakeups" queue)
/// to the fake SendGrid and Twilio. N instances of email -> wait -> SMS are started at once; the clock runs from the
/// first start until every planned send was accepted by the fakes and its step recorded. A step is a decider step that
/// performed an action and was logged in the instance's state: the email sent, the wait elapsed (its wake-up
/// scheduled and delivered), the SMS sent; 3 per instance. Duplicates are send ids the fakes accepted more than once.
/// </summary>
internal static class CampaignBenchmark
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>The self-host run's result, printed beside the Durable one.</summary>
    internal static CampaignRunResult? LastSelfHost { get; private set; }

    public static int Run(string[] args)
    {
        CampaignBenchOptions options;
        try
        {
            options = CampaignBenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: ChurnFunctions.Benchmarks " + CampaignBenchOptions.Usage);
            return 2;
        }

        var selfHost = RunAsync(options).GetAwaiter().GetResult();
        return options.Durable ? Math.Max(selfHost, DurableCampaignBenchmark.RunAsync(options).GetAwaiter().GetResult()) : selfHost;
    }

    private static async Task<int> RunAsync(CampaignBenchOptions options)
    {
        var report = new CampaignReport(options);
        report.Header();
        var definitions = new InMemoryCampaignDefinitions();
        var workload = new CampaignWorkload(Guid.NewGuid().ToString("N")[..8], options.Instances, options.Wait, DateTimeOffset.UtcNow);
        await definitions.SaveAsync(workload.Definition, CancellationToken.None);
        await using var host = await CampaignBenchHost.StartAsync(definitions, options.QueueBatch);
        if (options.Faults > 0)
        {
            host.SendGrid.FailFraction(options.Faults, FakeSendGridFault.ServerError, options.Seed);
            host.Twilio.FailFraction(options.Faults, Fakes.Twilio.FakeTwilioFault.ServerError, options.Seed + 1);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.StartConcurrency };
        var customers = host.Services.GetRequiredService<ICustomerStore>();
        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(workload.Customers, parallel, async (c, ct) => await customers.SaveAsync(c, null, ct));
        report.Step($"{options.Instances} customers stored in {seeding.Elapsed.TotalSeconds:F1} s (zone {workload.TimeZone}, both channels consented; not timed)");

        var starter = host.Services.GetRequiredService<ICampaignStarter>();
        var startedAt = new DateTimeOffset[options.Instances];
        var began = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        if (options.BulkStart)
        {
            var requests = workload.Customers.Select(c => new CampaignStartRequest(workload.CampaignId, c.Id, null)).ToList();
            Array.Fill(startedAt, DateTimeOffset.UtcNow);
            if ((await starter.EnterAsync(requests, dryRun: false, CancellationToken.None)).Count != options.Instances)
            {
                throw new InvalidOperationException("Some instances already existed.");
            }
        }
        else
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Instances), parallel, async (i, ct) =>
            {
                startedAt[i] = DateTimeOffset.UtcNow;
                if (!await starter.StartAsync(workload.CampaignId, workload.Customers[i].Id, ct))
                {
                    throw new InvalidOperationException($"Instance {workload.InstanceId(i)} already existed.");
                }
            });
        }
        var startSeconds = clock.Elapsed.TotalSeconds;
        report.Step($"{options.Instances} instances started in {startSeconds:F1} s");

        var planned = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Instances; i++)
        {
            planned.Add(workload.SendId(i, CampaignWorkload.EmailStep));
            planned.Add(workload.SendId(i, CampaignWorkload.SmsStep));
        }

        var accepted = await WaitForSendsAsync(host.SendGrid, host.Twilio, planned, options.Timeout, clock, report);
        var store = host.Services.GetRequiredService<ICampaignInstanceStore>();
        await ReportMissingAsync(store, workload, accepted, report);
        var sendsDoneAt = accepted.Values.Max();
        var sendsSeconds = (sendsDoneAt - began).TotalSeconds;

        var states = await ReadCompletedAsync(store, workload, parallel, report);
        var steps = states.Sum(s => s.Log.Count);
        var lastStep = states.SelectMany(s => s.Log).Select(l => l.At).DefaultIfEmpty(sendsDoneAt).Max();
        var end = lastStep > sendsDoneAt ? lastStep : sendsDoneAt;

        var emailLatency = new List<double>(options.Instances);
        var smsLatency = new List<double>(options.Instances);
        for (var i = 0; i < options.Instances; i++)
        {
            if (accepted.TryGetValue(workload.SendId(i, CampaignWorkload.EmailStep), out var emailAt))
            {
                emailLatency.Add((emailAt - startedAt[i]).TotalMilliseconds);
            }

            // The wait starts in the decision that records the email as sent, so the SMS is due one wait later.
            var emailLogged = states[i].Log.FirstOrDefault(l => l.StepId == CampaignWorkload.EmailStep && l.Outcome == StepOutcome.Sent);
            if (emailLogged is not null && accepted.TryGetValue(workload.SendId(i, CampaignWorkload.SmsStep), out var smsAt))
            {
                smsLatency.Add((smsAt - (emailLogged.At + options.Wait)).TotalMilliseconds);
            }
        }

        var duplicates = Duplicates(host.SendGrid, host.Twilio);
        var result = new CampaignRunResult(
            Instances: options.Instances,
            Completed: states.Count(s => s.Phase == CampaignPhase.Completed),
            Steps: steps,
            StepsByOutcome: states.SelectMany(s => s.Log).GroupBy(l => l.Outcome).ToDictionary(g => g.Key, g => g.Count()),
            PlannedSends: planned.Count,
            AcceptedSends: accepted.Count,
            StartSeconds: startSeconds,
            SendsSeconds: sendsSeconds,
            StepsSeconds: (end - began).TotalSeconds,
            DuplicateSendIds: duplicates.Ids,
            DuplicateExtraSends: duplicates.Extra,
            UnplannedSends: host.SendGrid.Accepted.Count(m => m.SendId is null || !planned.Contains(m.SendId))
                + host.Twilio.Accepted.Count(m => m.SendId is null || !planned.Contains(m.SendId)),
            SendGridRequests: host.SendGrid.RequestCount,
            TwilioRequests: host.Twilio.CreateRequests,
            EmailLatency: Ingest.LatencySummary.Of(emailLatency),
            SmsLatency: Ingest.LatencySummary.Of(smsLatency));
        report.Results(result);
        LastSelfHost = result;
        return result.DuplicateExtraSends == 0 && result.AcceptedSends == result.PlannedSends ? 0 : 1;
    }

    /// <summary>Polls the fakes until every planned send id was accepted; the first acceptance time of each.</summary>
    internal static async Task<Dictionary<string, DateTimeOffset>> WaitForSendsAsync(
        FakeSendGridServer sendGrid, Fakes.Twilio.FakeTwilioServer twilio, HashSet<string> planned, TimeSpan timeout, Stopwatch clock, CampaignReport report)
    {
        var nextProgress = TimeSpan.FromSeconds(5);
        while (true)
        {
            var accepted = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var m in sendGrid.Accepted)
            {
                if (m.SendId is { } id && planned.Contains(id))
                {
                    accepted.TryAdd(id, m.ReceivedAt);
                }
            }

            foreach (var m in twilio.Accepted)
            {
                if (m.SendId is { } id && planned.Contains(id))
                {
                    accepted.TryAdd(id, m.DateCreated);
                }
            }

            if (accepted.Count == planned.Count)
            {
                report.Step($"all {planned.Count} planned sends accepted by {clock.Elapsed.TotalSeconds:F1} s");
                return accepted;
            }

            if (clock.Elapsed > timeout)
            {
                report.Step($"TIMEOUT: {accepted.Count} of {planned.Count} planned sends accepted after {timeout}");
                return accepted;
            }

            if (clock.Elapsed >= nextProgress)
            {
                report.Step($"  {clock.Elapsed.TotalSeconds,5:F0} s: {accepted.Count}/{planned.Count} sends accepted");
                nextProgress = clock.Elapsed + TimeSpan.FromSeconds(5);
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>Reads every instance until all are completed (up to 60 s more): their logs are the steps.</summary>
    private static async Task<CampaignInstanceState[]> ReadCompletedAsync(
        ICampaignInstanceStore store, CampaignWorkload workload, ParallelOptions parallel, CampaignReport report)
    {
        var states = new CampaignInstanceState[workload.Customers.Count];
        var guard = Stopwatch.StartNew();
        var pending = new ConcurrentBag<int>(Enumerable.Range(0, states.Length));
        while (true)
        {
            var again = new ConcurrentBag<int>();
            await Parallel.ForEachAsync(pending, parallel, async (i, ct) =>
            {
                var stored = await store.GetAsync(workload.InstanceId(i), ct)
                    ?? throw new InvalidOperationException($"Instance {workload.InstanceId(i)} is missing.");
                states[i] = stored.Value.State;
                if (stored.Value.State.Phase != CampaignPhase.Completed)
                {
                    again.Add(i);
                }
            });
            if (again.IsEmpty || guard.Elapsed > TimeSpan.FromSeconds(60))
            {
                if (!again.IsEmpty)
                {
                    report.Step($"{again.Count} instances still not completed after 60 s");
                }

                return states;
            }

            pending = again;
            await Task.Delay(Poll);
        }
    }

    /// <summary>The stored state of (up to 10) instances whose planned sends the fakes never accepted.</summary>
    private static async Task ReportMissingAsync(
        ICampaignInstanceStore store, CampaignWorkload workload, Dictionary<string, DateTimeOffset> accepted, CampaignReport report)
    {
        var missing = Enumerable.Range(0, workload.Customers.Count)
            .Where(i => !accepted.ContainsKey(workload.SendId(i, CampaignWorkload.EmailStep)) || !accepted.ContainsKey(workload.SendId(i, CampaignWorkload.SmsStep)))
            .ToList();
        foreach (var i in missing.Take(10))
        {
            var stored = await store.GetAsync(workload.InstanceId(i), CancellationToken.None);
            var state = stored?.Value.State;
            var log = state is null ? "" : string.Join(", ", state.Log.Select(l => $"{l.StepId} {l.Outcome} {l.At:HH:mm:ss.fff}"));
            report.Step($"  missing sends: {workload.InstanceId(i)} phase {state?.Phase.ToString() ?? "(no row)"}, step {state?.CurrentStepId}, " +
                $"pending {state?.PendingSend?.SendId}, next wake-up {stored?.Value.NextWakeUpAt:HH:mm:ss.fff}, log [{log}]");
        }
    }

    /// <summary>Send ids the fakes accepted more than once, and how many extra messages that made.</summary>
    internal static (int Ids, int Extra) Duplicates(FakeSendGridServer sendGrid, Fakes.Twilio.FakeTwilioServer twilio)
    {
        var counts = sendGrid.Accepted.Select(m => m.SendId).Concat(twilio.Accepted.Select(m => m.SendId))
            .Where(id => id is not null)
            .GroupBy(id => id!, StringComparer.Ordinal)
            .Select(g => g.Count())
            .Where(n => n > 1)
            .ToList();
        return (counts.Count, counts.Sum(n => n - 1));
    }
}
