using System.Collections.Concurrent;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.SelfHost.Hosting;
using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Testing;

namespace ChurnFunctions.IntegrationTests.Timers;

/// <summary>Two `churn serve` processes on one storage account run each timer occurrence once between them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TimerSingleRunTests(AzuriteFixture azurite)
{
    // The real timers must not fire during the test; only the counting one does.
    private static readonly Dictionary<string, string?> QuietSchedules = new()
    {
        [Triggers.ScoreScheduleSetting] = "0 0 0 1 1 *",
        [Triggers.EnrollScheduleSetting] = "0 0 0 1 1 *",
    };

    [Fact]
    public async Task Two_self_hosts_on_one_account_run_each_occurrence_exactly_once()
    {
        // A timer of its own per run, so its lease blob and record are this test's alone in the shared Azurite.
        var timer = "Counting-" + Guid.NewGuid().ToString("N")[..8];
        var runs = new ConcurrentQueue<(int Host, DateTimeOffset Occurrence)>();
        Func<IServiceProvider, TimerTick, CancellationToken, Task> Job(int host) => async (_, tick, ct) =>
        {
            runs.Enqueue((host, tick.ScheduledAt));

            // Work that outlasts the other process's tick now and then, so it also meets the lease held and, just
            // after, the lease free with this occurrence recorded.
            await Task.Delay(TimeSpan.FromMilliseconds(150), ct);
        };

        await using (var first = await SelfHostRunner.StartAsync(azurite.ConnectionString, services: s => s.AddTimerTrigger(timer, "* * * * * *", Job(1)), settings: QuietSchedules))
        await using (var second = await SelfHostRunner.StartAsync(azurite.ConnectionString, services: s => s.AddTimerTrigger(timer, "* * * * * *", Job(2)), settings: QuietSchedules))
        {
            await SelfHostRunner.EventuallyAsync(
                () => Task.FromResult(runs.Select(r => r.Occurrence).Distinct().Count()),
                count => count >= 8);
        }

        var perOccurrence = runs.GroupBy(r => r.Occurrence).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(perOccurrence.Count >= 8);
        Assert.All(perOccurrence, o => Assert.True(o.Value == 1, $"{o.Key:O} ran {o.Value} times"));

        using var storage = Storage.StorageAccount.FromConnectionString(azurite.ConnectionString);
        var lease = await new BlobTimerLeases(storage).TryAcquireAsync(timer, TimeSpan.FromSeconds(15), default);
        // The last run may have been cut short by the hosts stopping, and a cancelled run is not recorded.
        Assert.Contains(lease!.LastRun!.Value, perOccurrence.Keys.OrderDescending().Take(2));
    }

    [Fact]
    public async Task A_bad_schedule_setting_stops_the_host_at_start_naming_the_setting()
    {
        var settings = new Dictionary<string, string?>(QuietSchedules) { [Triggers.ScoreScheduleSetting] = "0 30 2 * *" };

        var error = await Assert.ThrowsAsync<FormatException>(() => SelfHostRunner.StartAsync(azurite.ConnectionString, settings: settings));

        Assert.Contains($"setting '{Triggers.ScoreScheduleSetting}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("6 components", error.Message, StringComparison.Ordinal);
    }
}
