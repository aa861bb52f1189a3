using System.Diagnostics;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Enrollment;
using ChurnFunctions.Core.Campaigns.Reporting;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.SelfHost.Demo;

/// <summary>
/// Replays a transaction file on the simulated clock through the host's own services, day by day, as the timers and
/// the wake-up queue would run them: each day the enrollment at 03:00 (the default EnrollSchedule), that day's rows
/// through the ingest path at noon, and after each step (a week by default) the nightly scoring at 02:30 of the next
/// day. Between these, every campaign wake-up is delivered at its due time, the clock set to it, so a campaign's
/// waits, quiet hours and frequency caps run in simulated time.
/// </summary>
public sealed class DemoDriver(IServiceProvider services, SimulatedTimeProvider clock, InMemoryWakeUpScheduler wakeUps)
{
    /// <summary>Wake-ups delivered at once: each is a few storage round trips.</summary>
    public const int WakeUpParallelism = 8;

    /// <summary>Buyers of one day stored at once, as `churn import` stores several.</summary>
    public const int IngestParallelism = 16;

    private static readonly TimeSpan EnrollAt = TimeSpan.FromHours(3);
    private static readonly TimeSpan IngestAt = TimeSpan.FromHours(12);
    private static readonly TimeSpan ScoreAt = new(2, 30, 0);

    private readonly Stopwatch ingesting = new();
    private readonly Stopwatch scoringTime = new();
    private readonly Stopwatch enrolling = new();
    private readonly Stopwatch waking = new();
    private int delivered;

    /// <summary>The first instant of the replay: the enrollment of the file's first day.</summary>
    public static DateTimeOffset StartOf(DemoTransactions data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return At(data.Days.Count == 0 ? DateOnly.FromDateTime(DateTime.UnixEpoch) : data.Days[0].Day, TimeSpan.Zero);
    }

    public async Task<DemoSummary> RunAsync(DemoTransactions data, int stepDays, IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepDays, 1);
        if (data.Days.Count == 0)
        {
            throw new InvalidOperationException("The file holds no transaction to replay.");
        }

        var stopwatch = Stopwatch.StartNew();
        var definitions = services.GetRequiredService<ICampaignDefinitionStore>();
        foreach (var definition in DemoCampaigns.All())
        {
            await definitions.SaveAsync(definition, cancellationToken);
        }

        var processor = services.GetRequiredService<IngestProcessor>();
        var scoring = services.GetRequiredService<ScoringJob>();
        var enrollment = services.GetRequiredService<CampaignEnrollmentJob>();
        var byDay = data.Days.ToDictionary(d => d.Day, d => d.Rows);
        var first = data.Days[0].Day;
        var last = data.Days[^1].Day;
        var stored = 0;
        var entered = 0;
        ScoringRun? scored = null;
        var stepEnd = first.AddDays(stepDays - 1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            entered += await EnrollAsync(enrollment, day, cancellationToken);
            await DeliverDueAsync(At(day, IngestAt), cancellationToken);
            if (byDay.TryGetValue(day, out var rows))
            {
                ingesting.Start();
                stored += await IngestAsync(processor, rows, cancellationToken);
                ingesting.Stop();
            }

            if (day == stepEnd || day == last)
            {
                await DeliverDueAsync(At(day.AddDays(1), ScoreAt), cancellationToken);
                scoringTime.Start();
                scored = await scoring.RunAsync(day, cancellationToken);
                scoringTime.Stop();
                var snapshot = await services.GetRequiredService<IMetricsStore>().LatestAsync(cancellationToken);
                progress?.Report(new DemoProgress(day, stored, data.Rows, scored.Customers, snapshot?.ChurnRate, entered, delivered));
                stepEnd = stepEnd.AddDays(stepDays);
            }
        }

        // The morning after the last day: its enrollment sees the last scores, and today's starts go out.
        var end = last.AddDays(1);
        entered += await EnrollAsync(enrollment, end, cancellationToken);
        await DeliverDueAsync(At(end, IngestAt), cancellationToken);
        return await SummarizeAsync(scored!.AsOf, stored, entered, stopwatch.Elapsed, cancellationToken);
    }

    private static DateTimeOffset At(DateOnly day, TimeSpan time) => new(day.ToDateTime(TimeOnly.FromTimeSpan(time)), TimeSpan.Zero);

    private async Task<int> EnrollAsync(CampaignEnrollmentJob enrollment, DateOnly day, CancellationToken cancellationToken)
    {
        await DeliverDueAsync(At(day, EnrollAt), cancellationToken);
        enrolling.Start();
        var run = await enrollment.RunAsync(cancellationToken);
        enrolling.Stop();
        await DeliverDueAsync(At(day, EnrollAt), cancellationToken);
        return run.Started;
    }

    private static async Task<int> IngestAsync(IngestProcessor processor, IReadOnlyList<NormalizedTransaction> rows, CancellationToken cancellationToken)
    {
        var (named, anonymous) = BuyerGroups.Of(rows);
        var stored = 0;
        await Parallel.ForEachAsync(
            named,
            new ParallelOptions { MaxDegreeOfParallelism = IngestParallelism, CancellationToken = cancellationToken },
            async (group, ct) => Interlocked.Add(ref stored, (await processor.ProcessAsync(group, ct)).Stored));

        // Anonymous sales share one customer: in order, as one stream of deliveries would.
        if (anonymous.Count > 0)
        {
            stored += (await processor.ProcessAsync(anonymous, cancellationToken)).Stored;
        }

        return stored;
    }

    /// <summary>
    /// Delivers every wake-up due by <paramref name="until"/>, earliest first, with the clock at its due time (those
    /// due at one instant together), then sets the clock to <paramref name="until"/>. A delivery may schedule more
    /// (a wait's end, a deferral past quiet hours): they are delivered too if due by then.
    /// </summary>
    private async Task DeliverDueAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<CampaignRunner>();
        await StartQueuedAsync(runner, cancellationToken);
        while (wakeUps.NextDueAt is { } due && due <= until)
        {
            clock.AdvanceTo(due);
            waking.Start();
            var batch = wakeUps.TakeDue(clock.GetUtcNow());
            await Parallel.ForEachAsync(
                batch,
                new ParallelOptions { MaxDegreeOfParallelism = WakeUpParallelism, CancellationToken = cancellationToken },
                async (message, ct) =>
                {
                    try
                    {
                        await runner.HandleWakeUpAsync(message, ct);
                    }
                    catch (WakeUpAheadOfStateException)
                    {
                        // The queue host retries such a message while the state write that names it may still land.
                        // Here every write of the batch before has landed, so a message later than the state is stale.
                    }
                });
            delivered += batch.Count;
            waking.Stop();
            await StartQueuedAsync(runner, cancellationToken);
        }

        clock.AdvanceTo(until);
    }

    // The enrollment queues its starts as batches (a queue listener would take them at once): started now, at the
    // clock's time, before anything later is delivered.
    private async Task StartQueuedAsync(CampaignRunner runner, CancellationToken cancellationToken)
    {
        while (wakeUps.TakeStarts() is { Count: > 0 } batches)
        {
            waking.Start();
            foreach (var batch in batches)
            {
                await runner.HandleStartsAsync(batch, cancellationToken);
            }

            waking.Stop();
        }
    }

    private async Task<DemoSummary> SummarizeAsync(DateOnly scoredAsOf, int stored, int entered, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var snapshot = await services.GetRequiredService<IMetricsStore>().LatestAsync(cancellationToken);
        var outbox = services.GetRequiredService<IOutbox>();
        var byChannel = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var alerts = 0;
        OutboxCursor? after = null;
        do
        {
            var page = await outbox.ListAsync(new OutboxQuery(null, 1000, after), cancellationToken);
            foreach (var entry in page.Entries)
            {
                if (entry.Kind == OutboxKinds.Alert)
                {
                    alerts++;
                }
                else
                {
                    byChannel[entry.Channel] = byChannel.GetValueOrDefault(entry.Channel) + 1;
                }
            }

            after = page.Next;
        }
        while (after is not null);

        var reporter = services.GetRequiredService<CampaignReporter>();
        var reports = new List<CampaignReport>();
        foreach (var definition in DemoCampaigns.All())
        {
            reports.Add(await reporter.BuildAsync(definition, cancellationToken));
        }

        return new DemoSummary(
            scoredAsOf,
            clock.GetUtcNow(),
            stored,
            snapshot?.Customers ?? 0,
            snapshot?.ChurnRate,
            snapshot?.Tiers.GetValueOrDefault("at-risk") ?? 0,
            entered,
            byChannel,
            alerts,
            reports,
            elapsed,
            new DemoTimings(ingesting.Elapsed, scoringTime.Elapsed, enrolling.Elapsed, waking.Elapsed));
    }
}
